namespace DataTier.Store;

/// <summary>A range of encoded item positions (see <see cref="ItemKey.Encode"/>); a null bound is open.</summary>
[GenerateSerializer, Immutable]
public sealed record KeyRange(
    [property: Id(0)] byte[]? Start,
    [property: Id(1)] bool StartInclusive,
    [property: Id(2)] byte[]? End,
    [property: Id(3)] bool EndInclusive)
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
