namespace DataTier.Partitions;

/// <summary>
/// Which items a write's outcome carries back: only those the request's ReturnValues asks for, so that a
/// write to a partition on another silo does not send the old and the new item over the wire for nothing.
/// </summary>
[Flags]
public enum ReturnedItems
{
    None = 0,
    Old = 1,
    New = 2,
}
