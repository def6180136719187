namespace DataTier.Placement.Moves;

/// <summary>What moved: a table partition grain or a cache shard grain.</summary>
public enum MoveKind
{
    Partition,
    CacheShard,
}
