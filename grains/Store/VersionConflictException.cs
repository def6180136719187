namespace DataTier.Store;

/// <summary>A batch was refused because an item's stored version was not the one the write expected.</summary>
public sealed class VersionConflictException(byte[] position, long expected, long actual)
    : Exception($"Item version conflict: expected {expected}, found {actual}")
{
    public byte[] Position { get; } = position;
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}
