namespace DataTier.Silo.GlobalTables;

/// <summary>What one element of ReplicaUpdates does to the replica in its region.</summary>
public enum ReplicaAction
{
    Create,
    Update,
    Delete,
}
