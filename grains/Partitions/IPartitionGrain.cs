using DataTier.Store;
using DataTier.Transactions;
using Orleans.Concurrency;

namespace DataTier.Partitions;

/// <summary>
/// Owns one contiguous hash range of one table (key: <c>{tableId:N}/{partition id}</c>). Every write
/// of its items passes through it, one grain turn each (or, from its own silo, a direct write serialized with those
/// turns: <see cref="IDirectPartitionWriter"/>), so its memory and the store agree.
/// </summary>
public interface IPartitionGrain : IPartitionReader, Placement.IRingPlacedGrain
{
    Task<WriteOutcome> Put(PutCommand command);

    Task<WriteOutcome> Delete(DeleteCommand command);

    Task<WriteOutcome> Update(UpdateCommand command);

    /// <summary>Item count and size: counted from the store once per activation, then kept up to date by every write.</summary>
    Task<PartitionStats> GetStats();

    /// <summary>Entry count and size of one local secondary index in this partition, counted from the store.</summary>
    Task<PartitionStats> GetIndexStats(string index);

    /// <summary>Items (and known absences) held in memory.</summary>
    Task<int> GetCachedCount();

    /// <summary>
    /// On a partition that was split (fenced or retired, so it writes nothing more): hands the child
    /// owning hashes <paramref name="firstHash"/> to <paramref name="lastHash"/> the items it holds in
    /// memory there, most recently used first, and forgets them, so each is handed over once. Empty on
    /// a partition that serves. Interleaved: a child calls it while it activates, perhaps for a call
    /// the retired parent is forwarding to it.
    /// </summary>
    [AlwaysInterleave]
    Task<List<CachedEntry>> TakeCachedItems(ulong firstHash, ulong lastHash);

    /// <summary>
    /// Phase one of a write transaction: checks the actions that fall here and, if all hold, locks
    /// their items durably with the images they get on commit.
    /// </summary>
    Task<PrepareResult> Prepare(Guid transactionId, IReadOnlyList<TransactOperation> operations);

    /// <summary>Applies a prepared transaction's images and releases its locks (nothing if already done).</summary>
    Task Commit(Guid transactionId);

    /// <summary>Releases a prepared transaction's locks without applying them.</summary>
    Task Abort(Guid transactionId);

    /// <summary>Round one of a read transaction: the committed items, with the keys an undecided transaction holds.</summary>
    Task<TransactReadResult> ReadForTransaction(IReadOnlyList<ItemKey> keys);

    /// <summary>Round two of a read transaction: true if none of the items changed or got locked since round one.</summary>
    Task<bool> ValidateRead(IReadOnlyList<ItemKey> keys, IReadOnlyList<long> versions, Guid incarnation, long deleteCount);

    /// <summary>Records of this partition's shard of a stream, from <paramref name="fromSequence"/> on, within the retention period.</summary>
    Task<Streams.StreamBatch> ReadStream(string streamLabel, long fromSequence, int limit);

    /// <summary>The table's description changed (UpdateTable): from now on, write by it (its stream, for one).</summary>
    Task UpdateDescription(Tables.TableDescription table);

    /// <summary>
    /// Split, step one (called by the catalog): from this grain turn on, serve nothing, so the change logs
    /// end where they are. Requests get <see cref="PartitionRetiredException"/> until the catalog commits
    /// the new map (<see cref="UpdateDescription"/>, which retires the partition) or lifts the fence.
    /// </summary>
    Task Fence();

    /// <summary>The split was abandoned before the map was committed: serve again.</summary>
    Task Unfence();

    /// <summary>
    /// A read replica starts: from this turn on, every change is in the partition's internal change
    /// log (<see cref="Indexes.IndexFeedLog"/>); returns the log's last sequence now, or null if the table
    /// has fewer replicas than <paramref name="replica"/> (then that replica is not wanted).
    /// </summary>
    Task<long?> OpenReplicaFeed(int replica);

    /// <summary>
    /// Point-in-time recovery was enabled: logs the next <paramref name="limit"/> items this partition holds
    /// after position <paramref name="after"/> (from its start when null) as they are now, in its recovery
    /// log, in one grain turn, so no write of theirs comes between the read and the record.
    /// </summary>
    Task<Recovery.RecoverySeedPage> SeedRecoveryLog(byte[]? after, int limit);

    /// <summary>
    /// Writes from another region (global tables): each is applied if its stamp is newer than the item's, last
    /// writer winning; returns how many were.
    /// </summary>
    Task<int> ApplyReplicated(IReadOnlyList<GlobalTables.ReplicatedWrite> writes);

    /// <summary>
    /// A region's replica starts: from this turn on, every write made here is in the replication log; returns the
    /// log's last sequence now, or null if the table has no replica there.
    /// </summary>
    Task<long?> OpenReplicationLog(string region);

    /// <summary>The next <paramref name="limit"/> items after <paramref name="after"/> with their stamps, read in one grain turn, for a new replica.</summary>
    Task<GlobalTables.ReplicationPage> ReadReplicationPage(byte[]? after, int limit);

    /// <summary>The table was deleted: forget everything and deactivate.</summary>
    Task Drop();
}
