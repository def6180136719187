namespace DataTier.Placement.Ownership;

/// <summary>A cache shard, its slot range and the silo it is active on.</summary>
public sealed record ShardOwner(int Shard, int FirstSlot, int LastSlot, string Silo);
