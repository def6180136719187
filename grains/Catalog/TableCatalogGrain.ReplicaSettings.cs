using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// The replica-specific settings of global tables (version 2019.11.21): this region's own, applied to its table (read
/// capacity of the table and its indexes, table class) and kept when a change of the table made in any region would
/// reset them; and the other regions', recorded for DescribeTable.
/// </summary>
public sealed partial class TableCatalogGrain
{
    public async Task<TableDescription> SetLocalReplicaSettings(string name, ReplicaSettings settings)
    {
        var updated = WithOwnSettings(FindReplicated(name), settings, clock.GetUtcNow(), created: false);
        await Save(updated);
        await NotifyPartitions(updated);
        await SyncIndexTablesAsync(updated);
        return updated;
    }

    /// <summary>
    /// <paramref name="table"/> with this region's own <paramref name="settings"/> applied, the table's values kept beside them. A table
    /// just <paramref name="created"/> with them is given them as it is made, neither an increase nor a decrease.
    /// </summary>
    private static TableDescription WithOwnSettings(TableDescription table, ReplicaSettings settings, DateTimeOffset now, bool created)
    {
        settings = TableValues.Kept(settings.ValidFor(table), table.LocalReplicaSettings, table);
        var updated = table with { LocalReplicaSettings = settings.IsEmpty ? null : settings };
        if (settings.ReadCapacityOverride is { } read && read != table.ReadCapacityUnits)
        {
            var decreased = read < table.ReadCapacityUnits;
            if (decreased && !created) DecreaseLimit.Check(table.DecreasesToday(now), table.ThroughputDecreasedTime, now);
            updated = created ? updated with { ReadCapacityUnits = read } : updated with
            {
                ReadCapacityUnits = read,
                ThroughputIncreasedTime = decreased ? table.ThroughputIncreasedTime : now,
                ThroughputDecreasedTime = decreased ? now : table.ThroughputDecreasedTime,
                DecreasesOnThatDay = decreased ? table.DecreasesToday(now) + 1 : table.DecreasesOnThatDay,
            };
        }
        updated = updated with
        {
            GlobalIndexes = updated.GlobalIndexes.Select(i => !settings.IndexReadOverrides.TryGetValue(i.Name, out var units) || units == i.ReadCapacityUnits ? i
                : created ? i with { ReadCapacityUnits = units } : i.WithThroughput(units, i.WriteCapacityUnits, now))
                .Select(i => i with { OnDemandThroughput = IndexOnDemandHere(updated, i.Name, i.OnDemandThroughput) }).ToList(),
        };
        if (settings.MaxReadOverride is { } max) updated = updated with { OnDemandThroughput = updated.OnDemandThroughput.With(new OnDemandThroughput(max, null)) };
        if (settings.TableClassOverride is { } tableClass && tableClass != table.TableClass)
            updated = updated with { TableClass = tableClass, TableClassUpdated = now };
        return updated;
    }

    public async Task<TableDescription> SetRegionReplicaSettings(string name, string region, ReplicaSettings settings)
    {
        var table = FindReplicated(name);
        if (table.RegionReplicas.All(r => r.RegionName != region)) return table;
        var updated = table with
        {
            RegionReplicas = table.RegionReplicas.Select(r => r.RegionName == region ? r with { Settings = settings.IsEmpty ? null : settings } : r).ToList(),
        };
        await Save(updated);
        return updated;
    }

    /// <summary>Auto scaling moves this region's own read capacity of a table or index, where it has one, rather than being held to it.</summary>
    private async Task FollowScaledReadsAsync(AutoScaling.ScalableResource resource, long units)
    {
        if (!_tables.TryGetValue(resource.Table, out var table) || table.LocalReplicaSettings is not { } own) return;
        var moved = resource.Index is not { } index
            ? own.ReadCapacityOverride is null ? own : own with { ReadCapacityOverride = units }
            : own.IndexReadOverrides.ContainsKey(index) ? own with { IndexReadOverrides = new Dictionary<string, long>(own.IndexReadOverrides) { [index] = units } } : own;
        if (!ReferenceEquals(moved, own)) await Save(table with { LocalReplicaSettings = moved });
    }

    private TableDescription FindReplicated(string name) =>
        _tables.TryGetValue(name, out var table) && table.BaseTableName is null && table.RegionReplicas.Count > 0 && table.GlobalTableCreated is null
            ? table
            : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");

    /// <summary>The read capacity a change of the table leaves this region's table with: its own, while it has one.</summary>
    private static long ReadUnitsHere(TableDescription table, BillingMode billing, long read) =>
        billing == BillingMode.PROVISIONED && table.LocalReplicaSettings?.ReadCapacityOverride is { } own ? own : read;

    /// <summary>The on-demand maxima a change of the table leaves this region's table with: its own most read units, while it has them.</summary>
    private static OnDemandThroughput OnDemandHere(TableDescription table, OnDemandThroughput maxima) =>
        table.LocalReplicaSettings?.MaxReadOverride is { } own ? maxima.With(new OnDemandThroughput(own, null)) : maxima;

    /// <summary>The on-demand maxima a change of an index leaves this region's index with: its own most read units, while it has them.</summary>
    private static OnDemandThroughput IndexOnDemandHere(TableDescription table, string index, OnDemandThroughput maxima) =>
        table.LocalReplicaSettings?.IndexMaxReadOverrides.TryGetValue(index, out var own) == true ? maxima.With(new OnDemandThroughput(own, null)) : maxima;

    /// <summary>The read capacity a change of an index leaves this region's index with: its own, while it has one.</summary>
    private static long IndexReadUnitsHere(TableDescription table, string index, long read) =>
        table.LocalReplicaSettings?.IndexReadOverrides.TryGetValue(index, out var own) == true ? own : read;

    /// <summary>
    /// The replica settings the table's billing mode and indexes still allow, here and as recorded of the other regions:
    /// no read capacity of their own on demand, none for an index that is gone.
    /// </summary>
    private static TableDescription WithValidReplicaSettings(TableDescription table)
    {
        ReplicaSettings? Valid(ReplicaSettings? settings)
        {
            if (settings is null) return null;
            var valid = settings.ValidFor(table);
            return valid.IsEmpty ? null : valid;
        }
        var local = Valid(table.LocalReplicaSettings);
        var replicas = table.RegionReplicas.Select(r => Valid(r.Settings) == r.Settings ? r : r with { Settings = Valid(r.Settings) }).ToList();
        return local == table.LocalReplicaSettings && replicas.SequenceEqual(table.RegionReplicas) ? table
            : WithTableMaximaBack(table, local) with { LocalReplicaSettings = local, RegionReplicas = replicas };
    }

    /// <summary>
    /// This region's own read maxima that its settings no longer have (a switch to PROVISIONED) give way to the table's,
    /// kept beside them, so that a switch back on demand finds the table's maxima here, as in the other regions.
    /// </summary>
    private static TableDescription WithTableMaximaBack(TableDescription table, ReplicaSettings? kept)
    {
        if (table.LocalReplicaSettings is not { } own) return table;
        var restored = own.MaxReadOverride is not null && kept?.MaxReadOverride is null && own.MaxReadElsewhere is { } max
            ? table with { OnDemandThroughput = table.OnDemandThroughput.With(new OnDemandThroughput(max, null)) }
            : table;
        return restored with
        {
            GlobalIndexes = restored.GlobalIndexes.Select(i =>
                own.IndexMaxReadOverrides.ContainsKey(i.Name) && kept?.IndexMaxReadOverrides.ContainsKey(i.Name) != true
                && own.IndexMaxReadElsewhere.TryGetValue(i.Name, out var indexMax)
                    ? i with { OnDemandThroughput = i.OnDemandThroughput.With(new OnDemandThroughput(indexMax, null)) }
                    : i).ToList(),
        };
    }
}
