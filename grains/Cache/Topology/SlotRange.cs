namespace DataTier.Cache.Topology;

/// <summary>A run of slots served by the same silos: its owner first, then its replicas in ring order.</summary>
public sealed record SlotRange(int Start, int End, SiloAddress[] Silos);
