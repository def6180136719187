using DataTier.Tables;

namespace DataTier.GlobalTables;

/// <summary>
/// The table's own read units, read maxima and class, kept beside this region's replica settings (version 2019.11.21) while those
/// replace them here: what the regions without settings of their own have, and what a replica added from here starts from.
/// </summary>
public static class TableValues
{
    /// <summary>
    /// <paramref name="settings"/>, about to be this region's in place of <paramref name="before"/>, with the table's values beside each
    /// of its own: those kept beside <paramref name="before"/>'s, or else <paramref name="table"/>'s, which are still the table's.
    /// </summary>
    public static ReplicaSettings Kept(ReplicaSettings settings, ReplicaSettings? before, TableDescription table)
    {
        var indexes = table.GlobalIndexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var indexReads = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in settings.IndexReadOverrides.Keys)
        {
            if (before?.IndexReadOverrides.ContainsKey(name) == true)
            {
                if (before.IndexReadElsewhere.TryGetValue(name, out var kept)) indexReads[name] = kept;
            }
            else if (indexes.TryGetValue(name, out var index)) indexReads[name] = index.ReadCapacityUnits;
        }
        var indexMaxima = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in settings.IndexMaxReadOverrides.Keys)
        {
            if (before?.IndexMaxReadOverrides.ContainsKey(name) == true)
            {
                if (before.IndexMaxReadElsewhere.TryGetValue(name, out var kept)) indexMaxima[name] = kept;
            }
            else if (indexes.TryGetValue(name, out var index)) indexMaxima[name] = index.OnDemandThroughput.MaxReadRequestUnits ?? -1;
        }
        return settings with
        {
            ReadCapacityElsewhere = settings.ReadCapacityOverride is null ? null
                : before?.ReadCapacityOverride is not null ? before.ReadCapacityElsewhere : table.ReadCapacityUnits,
            MaxReadElsewhere = settings.MaxReadOverride is null ? null
                : before?.MaxReadOverride is not null ? before.MaxReadElsewhere : table.OnDemandThroughput.MaxReadRequestUnits ?? -1,
            IndexReadElsewhere = indexReads,
            IndexMaxReadElsewhere = indexMaxima,
            TableClassElsewhere = settings.TableClassOverride is null ? null : table.TableClassElsewhere(),
        };
    }

    /// <summary>
    /// This region's settings after a change of the table (UpdateTable, made here or in another region): the table's values beside
    /// its own follow the change, while its own stay.
    /// </summary>
    public static ReplicaSettings Following(ReplicaSettings own, TableUpdate update)
    {
        var indexReads = new Dictionary<string, long>(own.IndexReadElsewhere, StringComparer.Ordinal);
        var indexMaxima = new Dictionary<string, long>(own.IndexMaxReadElsewhere, StringComparer.Ordinal);
        foreach (var change in (update.IndexUpdates ?? []).Select(u => u.Update).OfType<IndexThroughputUpdate>())
        {
            if (change.HasProvisionedThroughput && own.IndexReadOverrides.ContainsKey(change.IndexName))
                indexReads[change.IndexName] = change.ReadCapacityUnits!.Value;
            if (change.OnDemandThroughput?.MaxReadRequestUnits is { } max && own.IndexMaxReadOverrides.ContainsKey(change.IndexName))
                indexMaxima[change.IndexName] = Math.Max(max, -1);
        }
        return own with
        {
            ReadCapacityElsewhere = own.ReadCapacityOverride is not null && update.ReadCapacityUnits is { } read ? read : own.ReadCapacityElsewhere,
            MaxReadElsewhere = own.MaxReadOverride is not null && update.OnDemandThroughput?.MaxReadRequestUnits is { } tableMax
                ? Math.Max(tableMax, -1) : own.MaxReadElsewhere,
            IndexReadElsewhere = indexReads,
            IndexMaxReadElsewhere = indexMaxima,
        };
    }

    /// <summary>
    /// <paramref name="table"/> with the table's values in place of this region's own: as a replica added from here starts. Where the
    /// table's value was not kept (a description saved before it was), this region's stands.
    /// </summary>
    public static TableDescription TableOf(TableDescription table)
    {
        if (table.LocalReplicaSettings is not { } own) return table;
        return table with
        {
            ReadCapacityUnits = own.ReadCapacityOverride is not null && own.ReadCapacityElsewhere is { } read ? read : table.ReadCapacityUnits,
            OnDemandThroughput = own.MaxReadOverride is not null && own.MaxReadElsewhere is { } max
                ? table.OnDemandThroughput.With(new OnDemandThroughput(max, null)) : table.OnDemandThroughput,
            GlobalIndexes = table.GlobalIndexes.Select(i => i with
            {
                ReadCapacityUnits = own.IndexReadOverrides.ContainsKey(i.Name) && own.IndexReadElsewhere.TryGetValue(i.Name, out var units) ? units : i.ReadCapacityUnits,
                OnDemandThroughput = own.IndexMaxReadOverrides.ContainsKey(i.Name) && own.IndexMaxReadElsewhere.TryGetValue(i.Name, out var indexMax)
                    ? i.OnDemandThroughput.With(new OnDemandThroughput(indexMax, null)) : i.OnDemandThroughput,
            }).ToList(),
            TableClass = table.TableClassElsewhere(),
        };
    }
}
