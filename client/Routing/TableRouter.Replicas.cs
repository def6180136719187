using System.Collections.Concurrent;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Replicas;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Client.Routing;

/// <summary>
/// Read routing: strongly consistent reads go to the partition's owner; eventually consistent ones
/// take turns over the owner and its read replicas. A copy that fails (its silo stopping or gone)
/// is passed over for the next one. The replica count of a table is looked up again every
/// <see cref="ReplicaCountRefresh"/>, so a change made through another silo's endpoint reaches this router too.
/// </summary>
public sealed partial class TableRouter
{
    public static readonly TimeSpan ReplicaCountRefresh = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string PartitionKey, int Replica), IPartitionReplicaGrain> _replicas = new();
    private readonly ConcurrentDictionary<Guid, (int Count, long CheckedAt)> _replicaCounts = new();
    private uint _turn;

    /// <summary>An eventually consistent read of an item that the partition owning it, active on this silo, holds in memory.</summary>
    public bool TryGetLocal(TableDescription table, ItemKey key, out VersionedItem? item)
    {
        item = null;
        return local?.ViewOf(table.Id, table.Partitions.IdAt(table.Partitions.PartitionOf(key.Hash))) is { } view && view.TryGet(key, out item);
    }

    /// <summary>Runs a read of one partition on the owner, or for an eventually consistent read on the owner or a replica in turn.</summary>
    public async Task<T> ReadAsync<T>(TableDescription table, int partition, bool consistentRead, Func<IPartitionReader, Task<T>> read)
    {
        var owner = Partition(table, partition);
        var replicas = consistentRead ? 0 : ReplicaCountOf(table);
        if (replicas == 0) return await read(owner);
        var first = (int)(Interlocked.Increment(ref _turn) % (uint)(replicas + 1));
        for (var attempt = 0; ; attempt++)
        {
            var copy = (first + attempt) % (replicas + 1);
            try
            {
                return await read(copy == 0 ? owner : Replica(table, partition, copy));
            }
            catch (Exception e) when (attempt < replicas && e is not DynamoException and not OperationCanceledException)
            {
                // That copy's silo is going away (or gone): the next copy answers.
            }
        }
    }

    private IPartitionReplicaGrain Replica(TableDescription table, int partition, int replica)
    {
        var partitionKey = table.PartitionGrainKey(table.Partitions.IdAt(partition)); // an index of the map; keys name ids
        return _replicas.GetOrAdd((partitionKey, replica), k => grains.GetGrain<IPartitionReplicaGrain>(PartitionReplicaKey.Of(k.PartitionKey, k.Replica)));
    }

    private int ReplicaCountOf(TableDescription table)
    {
        var now = Environment.TickCount64;
        if (!_replicaCounts.TryGetValue(table.Id, out var known))
        {
            _replicaCounts[table.Id] = known = (table.ReplicaCount, now);
        }
        else if (now - known.CheckedAt >= (long)ReplicaCountRefresh.TotalMilliseconds)
        {
            _replicaCounts[table.Id] = (known.Count, now);
            RefreshReplicaCountAsync(table.Id).Ignore();
        }
        return known.Count;
    }

    private async Task RefreshReplicaCountAsync(Guid tableId)
    {
        if (await Catalog.DescribeById(tableId) is { } latest) _replicaCounts[tableId] = (latest.ReplicaCount, Environment.TickCount64);
        else _replicaCounts.TryRemove(tableId, out _);
    }
}
