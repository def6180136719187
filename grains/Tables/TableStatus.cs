namespace DataTier.Tables;

public enum TableStatus
{
    CREATING,
    ACTIVE,
    UPDATING,
    DELETING,
}
