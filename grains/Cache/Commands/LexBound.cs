namespace DataTier.Cache.Commands;

/// <summary>A member bound of ZRANGEBYLEX and ZLEXCOUNT: '-' and '+' for the ends, '[' inclusive, '(' exclusive.</summary>
public readonly record struct LexBound(byte[] Value, bool Exclusive, int Infinity)
{
    public static bool TryParse(byte[] text, out LexBound bound)
    {
        bound = default;
        if (text.Length == 0) return false;
        switch (text[0])
        {
            case (byte)'-' when text.Length == 1:
                bound = new LexBound([], false, -1);
                return true;
            case (byte)'+' when text.Length == 1:
                bound = new LexBound([], false, 1);
                return true;
            case (byte)'[':
                bound = new LexBound(text[1..], false, 0);
                return true;
            case (byte)'(':
                bound = new LexBound(text[1..], true, 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether no member can lie between the bounds (min above max, or equal with one exclusive), as Redis tests first.</summary>
    public static bool IsEmptyRange(LexBound min, LexBound max)
    {
        var c = min.Infinity != 0 || max.Infinity != 0 ? min.Infinity.CompareTo(max.Infinity) : min.Value.AsSpan().SequenceCompareTo(max.Value);
        return c > 0 || c == 0 && (min.Exclusive || max.Exclusive);
    }

    public bool AtOrAboveMin(byte[] member)
    {
        if (Infinity != 0) return Infinity < 0;
        var c = member.AsSpan().SequenceCompareTo(Value);
        return Exclusive ? c > 0 : c >= 0;
    }

    public bool AtOrBelowMax(byte[] member)
    {
        if (Infinity != 0) return Infinity > 0;
        var c = member.AsSpan().SequenceCompareTo(Value);
        return Exclusive ? c < 0 : c <= 0;
    }
}
