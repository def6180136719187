using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// Global tables in the catalog: which other regions hold replicas of each table, and, for a region that joined a
/// populated table, which partitions have sent it their items. The silo's DynamoDB endpoint talks to the other
/// regions; the catalog only records the outcome.
/// </summary>
public sealed partial class TableCatalogGrain
{
    public Task<TableDescription> SetRegionReplicas(string name, IReadOnlyList<string> regions)
    {
        var table = _tables.TryGetValue(name, out var found) && found.BaseTableName is null ? found : throw DynamoException.TableNotFound();
        return SetRegionReplicas(table, regions, table.GlobalTableCreated);
    }

    public Task<TableDescription> JoinGlobalTable(string name, IReadOnlyList<string> regions, DateTimeOffset created)
    {
        var table = _tables.TryGetValue(name, out var found) && found.BaseTableName is null ? found
            : throw new DynamoException(DynamoErrorCode.TableNotFoundException, $"Table not found: Table: '{name}' not found in region: '{globalTablesOptions.Value.Region}'.");
        if ((table.RegionReplicas.Count > 0 || table.GlobalTableCreated is not null) && table.GlobalTableCreated != created)
            throw DynamoException.Validation($"One or more parameter values were invalid: Table: {name} in region {globalTablesOptions.Value.Region} is already a replica of a global table");
        return SetRegionReplicas(table, regions, created);
    }

    public Task<TableDescription> LeaveGlobalTable(string name)
    {
        var table = _tables.TryGetValue(name, out var found) && found.BaseTableName is null ? found : throw DynamoException.TableNotFound();
        return SetRegionReplicas(table, [], null);
    }

    public Task<IReadOnlyList<TableDescription>> GlobalTablesOf2017() =>
        Task.FromResult<IReadOnlyList<TableDescription>>(_tables.Values
            .Where(t => t.BaseTableName is null && t.GlobalTableCreated is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList());

    private async Task<TableDescription> SetRegionReplicas(TableDescription table, IReadOnlyList<string> regions, DateTimeOffset? globalTableCreated)
    {
        var name = table.Name;
        var replicas = regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => table.RegionReplicas.FirstOrDefault(k => k.RegionName == r) ?? new RegionReplica(r, ReplicaStatus.CREATING, [], Guid.NewGuid()))
            .ToList();
        if (replicas.SequenceEqual(table.RegionReplicas) && globalTableCreated == table.GlobalTableCreated) return table;
        if (replicas.Count > 0 && table.StreamViewType != StreamViewType.NEW_AND_OLD_IMAGES)
            throw DynamoException.Validation($"Table: {name} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to have replicas");
        // A table no longer replicated has no replica settings of its own left to keep.
        var updated = table with
        {
            RegionReplicas = replicas,
            GlobalTableCreated = globalTableCreated,
            LocalReplicaSettings = replicas.Count > 0 ? table.LocalReplicaSettings : null,
        };
        await Save(updated);
        await NotifyPartitions(updated);
        PromptShippers(updated, all: false);
        return updated;
    }

    public Task<TableDescription> CreateReplicaTable(TableDescription source, IReadOnlyList<string> regions, ReplicaSettings? own)
    {
        if (_tables.ContainsKey(source.Name))
            throw DynamoException.Validation($"Failed to create a the new replica of table with name: '{source.Name}' because one or more replicas already existed as tables.");
        // Created with its replicas: it holds nothing yet, so there is nothing to send them but new writes.
        return CreateAsync(new TableDefinition
        {
            Name = source.Name,
            KeySchema = source.KeySchema,
            AttributeDefinitions = source.AttributeDefinitions,
            BillingMode = source.BillingMode,
            ReadCapacityUnits = source.ReadCapacityUnits,
            WriteCapacityUnits = source.WriteCapacityUnits,
            Stream = new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES),
            LocalIndexes = source.LocalIndexes,
            GlobalIndexes = source.BillingMode == BillingMode.PAY_PER_REQUEST ? source.GlobalIndexes
                : [.. source.GlobalIndexes.Select(i => i with { OnDemandThroughput = OnDemandThroughput.None })],
            OnDemandThroughput = source.BillingMode == BillingMode.PAY_PER_REQUEST && !source.OnDemandThroughput.IsNone ? source.OnDemandThroughput : null,
            WarmThroughput = source.WarmThroughput,
            TableClass = source.TableClass,
        }, created =>
        {
            var replica = created with
            {
                RegionReplicas = regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(r => new RegionReplica(r, ReplicaStatus.ACTIVE, [], Guid.NewGuid(), SettingsOf(source, r))).ToList(),
                TimeToLiveAttribute = source.TimeToLiveAttribute,
            };
            return own is null ? replica : WithOwnSettings(replica, own, replica.CreationTime, created: true);
        });
    }

    /// <summary>
    /// The replica settings of <paramref name="region"/> as the region that sent <paramref name="source"/> knows them: its
    /// own when it is not one of the source's other regions.
    /// </summary>
    private static ReplicaSettings? SettingsOf(TableDescription source, string region) =>
        source.RegionReplicas.FirstOrDefault(r => r.RegionName == region) is { } known ? known.Settings : source.LocalReplicaSettings;

    public async Task RegionReplicaBackfilled(string name, string region, int partition)
    {
        if (!_tables.TryGetValue(name, out var table)) return;
        var replica = table.RegionReplicas.FirstOrDefault(r => r.RegionName == region);
        if (replica is not { Status: ReplicaStatus.CREATING } || replica.BackfilledPartitions.Contains(partition)) return;
        var done = replica.BackfilledPartitions.Append(partition).Order().ToList();
        var finished = table.Partitions.CurrentIds.All(done.Contains);
        var updated = replica with { Status = finished ? ReplicaStatus.ACTIVE : ReplicaStatus.CREATING, BackfilledPartitions = finished ? [] : done };
        await Save(table with { RegionReplicas = table.RegionReplicas.Select(r => r.RegionName == region ? updated : r).ToList() });
    }

    /// <summary>Prompts the shippers of regions still being sent the table's items or, with <paramref name="all"/>, every shipper (split parents' too, to drain their logs).</summary>
    private void PromptShippers(TableDescription table, bool all)
    {
        foreach (var replica in table.RegionReplicas)
        {
            if (!all && replica.Status != ReplicaStatus.CREATING) continue;
            foreach (var id in all ? table.Partitions.AllIds : table.Partitions.CurrentIds)
                if (all || !replica.BackfilledPartitions.Contains(id))
                    GrainFactory.GetGrain<IReplicaShipperGrain>(ReplicationLog.ShipperKey(table.Id, id, replica.RegionName)).Poke().Ignore();
        }
    }

    /// <summary>Every other region's outbox, so changes owed to a region are retried after the silo holding them was lost.</summary>
    private void PromptOutboxes()
    {
        foreach (var region in globalTablesOptions.Value.Regions.Keys)
            GrainFactory.GetGrain<IReplicaOutboxGrain>(region).Poke().Ignore();
    }
}
