namespace DataTier.Placement.Moves;

/// <summary>What moved: a table partition grain, a read replica of one, or a cache shard grain.</summary>
public enum MoveKind
{
    Partition,
    PartitionReplica,
    CacheShard,
}
