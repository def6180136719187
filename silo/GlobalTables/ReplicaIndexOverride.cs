namespace DataTier.Silo.GlobalTables;

/// <summary>
/// One of UpdateReplicationGroupMemberAction's GlobalSecondaryIndexes: an index's read capacity (ProvisionedThroughputOverride) or
/// most read request units (OnDemandThroughputOverride; -1: none) in the replica's region; null: unchanged.
/// </summary>
public sealed record ReplicaIndexOverride(string IndexName, long? ReadCapacityUnits, long? MaxReadRequestUnits = null);
