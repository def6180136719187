namespace DataTier.Store;

/// <summary>A range of encoded item positions (see <see cref="ItemKey.Encode"/>); a null bound is open.</summary>
public sealed record KeyRange(byte[]? Start, bool StartInclusive, byte[]? End, bool EndInclusive)
{
    public static KeyRange All { get; } = new(null, true, null, true);

    public bool Contains(ReadOnlySpan<byte> position)
    {
        if (Start is not null)
        {
            var c = position.SequenceCompareTo(Start);
            if (c < 0 || (c == 0 && !StartInclusive)) return false;
        }
        if (End is not null)
        {
            var c = position.SequenceCompareTo(End);
            if (c > 0 || (c == 0 && !EndInclusive)) return false;
        }
        return true;
    }
}
