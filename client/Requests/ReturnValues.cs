namespace DataTier.Client.Requests;

/// <summary>What a write returns of the item it replaced (PutItem and DeleteItem take NONE and ALL_OLD).</summary>
public enum ReturnValues
{
    NONE,
    ALL_OLD,
    UPDATED_OLD,
    ALL_NEW,
    UPDATED_NEW,
}
