namespace DataTier.Tables;

/// <summary>The state of a global secondary index: CREATING while it is backfilled, then ACTIVE.</summary>
public enum IndexStatus
{
    CREATING,
    UPDATING,
    DELETING,
    ACTIVE,
}
