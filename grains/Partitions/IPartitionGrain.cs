using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>
/// Owns one contiguous hash range of one table (key: <c>{tableId:N}/{partition}</c>). Every write
/// of its items passes through it, one grain turn each, so its memory and the store agree.
/// </summary>
public interface IPartitionGrain : IGrainWithStringKey
{
    Task<VersionedItem?> Get(ItemKey key);

    Task<WriteOutcome> Put(PutCommand command);

    Task<WriteOutcome> Delete(DeleteCommand command);

    Task<WriteOutcome> Update(UpdateCommand command);

    Task<RangePage> ReadRange(RangeRequest request);

    /// <summary>Item count and size: counted from the store once per activation, then kept up to date by every write.</summary>
    Task<PartitionStats> GetStats();

    /// <summary>Items (and known absences) held in memory.</summary>
    Task<int> GetCachedCount();

    /// <summary>
    /// This silo no longer owns the partition on the ring: move, with the warm cache, to the silo that
    /// does; to <paramref name="target"/> when given (a silo that is leaving names the next owner).
    /// </summary>
    Task Rebalance(SiloAddress? target = null);

    /// <summary>The table was deleted: forget everything and deactivate.</summary>
    Task Drop();
}
