namespace DataTier.Silo.GlobalTables;

/// <summary>One action of UpdateTable's ReplicaUpdates: create or delete the replica in a region.</summary>
public sealed record ReplicaUpdate(string RegionName, bool Create);
