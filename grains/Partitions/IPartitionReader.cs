using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>The reads a partition serves: its owner strongly consistently, its read replicas eventually consistently.</summary>
public interface IPartitionReader : IGrainWithStringKey
{
    Task<VersionedItem?> Get(ItemKey key);

    Task<RangePage> ReadRange(RangeRequest request);

    /// <summary>Get and ReadRange calls this activation has served.</summary>
    Task<long> GetReadCount();
}
