using DataTier.Partitions;
using DataTier.Placement;
using DataTier.Tables;

namespace DataTier.Replicas;

/// <summary>
/// A read replica of one partition (key: <see cref="PartitionReplicaKey.Of"/>), placed on the silo that follows
/// the partition's owner on the ring at the replica's number. It holds the partition's items in memory,
/// copied from the store once and then kept up by the partition's internal change log, and serves
/// eventually consistent reads: each item it returns is never older than one it returned before.
/// </summary>
public interface IPartitionReplicaGrain : IPartitionReader, IRingPlacedGrain
{
    /// <summary>The owner's log reaches <paramref name="head"/> (negative when unknown): apply what is new.</summary>
    [Orleans.Concurrency.OneWay]
    Task Poke(long head);

    /// <summary>Applies the log up to its end as it is now; returns the sequence applied up to.</summary>
    Task<long> CatchUp();

    /// <summary>The table changed (time to live, replica count): read by it; a replica past the count drops.</summary>
    Task UpdateDescription(TableDescription table);

    /// <summary>The table was deleted, or has fewer replicas now: forget everything and deactivate.</summary>
    Task Drop();

    Task<ReplicaStatus> GetStatus();
}
