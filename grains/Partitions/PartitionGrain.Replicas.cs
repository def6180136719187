using DataTier.Indexes;
using DataTier.Replicas;
using DataTier.Tables;

namespace DataTier.Partitions;

/// <summary>
/// The owner's side of read replicas (see <see cref="IPartitionReplicaGrain"/>): while the table has
/// replicas every change goes to the internal change log, the replicas are prompted with its head
/// as global index feeders are, told of description changes (those past a lowered count drop), and,
/// without global indexes to trim it, the log is trimmed after <c>Partitions:ReplicaLogRetention</c>.
/// </summary>
public sealed partial class PartitionGrain
{
    private readonly Queue<(long AtMs, long Head)> _logMarks = new();
    public Task<long> GetReadCount() => Task.FromResult(_view.Reads);

    public async Task<long?> OpenReplicaFeed(int replica)
    {
        var table = EnsureTable();
        // The catalog may have raised the count moments ago and not reached this partition yet.
        if (replica > table.ReplicaCount && await GrainFactory.GetGrain<Catalog.ITableCatalogGrain>(0).DescribeById(table.Id) is { } latest)
            await UpdateDescription(latest);
        table = EnsureTable();
        if (replica > table.ReplicaCount) return null;
        return (await FeedLogAsync(table)).Last;
    }

    private IPartitionReplicaGrain Replica(int replica) =>
        GrainFactory.GetGrain<IPartitionReplicaGrain>(PartitionReplicaKey.Of(this.GetPrimaryKeyString(), replica));

    private void PromptReplicas(TableDescription table, long head)
    {
        for (var replica = 1; replica <= table.ReplicaCount; replica++) Replica(replica).Poke(head).Ignore();
    }

    /// <summary>Every replica the old or the new description counts hears of the new one: new ones start, surplus ones drop.</summary>
    private void NotifyReplicas(TableDescription? old, TableDescription table)
    {
        for (var replica = 1; replica <= Math.Max(old?.ReplicaCount ?? 0, table.ReplicaCount); replica++)
            Replica(replica).UpdateDescription(table).Ignore();
    }

    private async Task DropReplicasAsync(TableDescription table)
    {
        await Task.WhenAll(Enumerable.Range(1, table.ReplicaCount).Select(r => Replica(r).Drop()));
    }

    /// <summary>Removes log records older than the retention period, when no global index feeder trims the log.</summary>
    private async Task TrimReplicaLogAsync(TableDescription table)
    {
        if (table.ReplicaCount == 0 || table.GlobalIndexes.Count > 0 || _feedLog is not { Opened: true } log) return;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var retention = (long)options.Value.ReplicaLogRetention.TotalMilliseconds;
        if (_logMarks.Count == 0 || now - _logMarks.Last().AtMs >= retention / 4) _logMarks.Enqueue((now, log.Last));
        long? trimBelow = null;
        while (_logMarks.TryPeek(out var mark) && now - mark.AtMs >= retention) trimBelow = _logMarks.Dequeue().Head;
        // The record at the mark itself stays, so the log's sequence numbers keep growing across activations.
        if (trimBelow is > 1) await store.TrimChangesAsync(table.Id, IndexFeedLog.NameOf(_partition), trimBelow.Value);
    }
}
