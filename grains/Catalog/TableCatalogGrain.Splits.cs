using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Tables;
using Microsoft.Extensions.Logging;

namespace DataTier.Catalog;

/// <summary>
/// Partition splits (DESIGN.md, decision 1): fence the parent (it stops serving within its grain turn,
/// so its change logs end there), commit the map with the two children durably, then retire the
/// parent and start the children. Items stay in the store where they are; each child owns half of
/// the parent's range and reads them from there. Requests that meet the fenced or retired parent get
/// the stale-map signal and are routed again by the new map.
/// </summary>
public sealed partial class TableCatalogGrain
{
    public async Task<bool> SplitPartition(string tableName, int partitionId)
    {
        var table = Find(tableName);
        var index = table.Partitions.IndexOf(partitionId);
        if (index < 0) return false;
        var (first, last) = (table.Partitions.StartOf(index), table.Partitions.EndOf(index));
        if (first == last) return false;
        // Keys hash uniformly, so the middle of the range halves both the items and the traffic on average.
        var cut = first + (last - first) / 2 + 1;
        var split = table with { Partitions = table.Partitions.Split(partitionId, cut) };
        var parent = GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(partitionId));
        await parent.Fence();
        try
        {
            await Save(split);
        }
        catch
        {
            await parent.Unfence();
            throw;
        }
        await parent.UpdateDescription(split);
        var children = split.Partitions.SplitOf(partitionId)!;
        foreach (var child in new[] { children.Left, children.Right })
            await GrainFactory.GetGrain<IPartitionGrain>(split.PartitionGrainKey(child)).UpdateDescription(split);
        if (split.GlobalIndexes.Any(i => i.Backfilling)) PromptBackfills(split);
        LogSplit(logger, partitionId, tableName, children.Left, children.Right, split.Partitions.Version);
        return true;
    }

    public async Task RequestSplit(Guid tableId, int partitionId)
    {
        if (_tables.Values.FirstOrDefault(t => t.Id == tableId) is not { } table) return;
        try
        {
            await SplitPartition(table.Name, partitionId);
        }
        catch (Exception e) when (e is not DynamoException)
        {
            LogSplitFailed(logger, partitionId, table.Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Split partition {Partition} of table {Table} into {Left} and {Right} (map version {Version})")]
    private static partial void LogSplit(ILogger logger, int partition, string table, int left, int right, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Splitting partition {Partition} of table {Table} failed; the partition asks again at its next check")]
    private static partial void LogSplitFailed(ILogger logger, int partition, string table, Exception exception);
}
