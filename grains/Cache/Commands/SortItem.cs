namespace DataTier.Cache.Commands;

/// <summary>An element being sorted, with its weight: a number, or for ALPHA with BY the BY value's bytes (null when absent).</summary>
internal sealed class SortItem(byte[] element)
{
    public byte[] Element { get; } = element;

    public double Score { get; set; }

    public byte[]? By { get; set; }
}
