namespace DataTier.Silo.GlobalTables;

/// <summary>One of UpdateReplicationGroupMemberAction's GlobalSecondaryIndexes: an index's read capacity in the replica's region (null: unchanged).</summary>
public sealed record ReplicaIndexOverride(string IndexName, long? ReadCapacityUnits);
