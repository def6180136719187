namespace DataTier.GlobalTables;

/// <summary>DynamoDB's ReplicaStatus values this project reports.</summary>
public enum ReplicaStatus
{
    /// <summary>The region gets every new write; the items written before it joined are still being sent.</summary>
    CREATING,
    ACTIVE,
}
