using System.Globalization;
using System.Text;

namespace DataTier.Cache.Streams;

/// <summary>A stream entry's ID: milliseconds and a sequence number, both unsigned 64-bit, ordered as a pair.</summary>
public readonly record struct StreamEntryId(ulong Ms, ulong Seq) : IComparable<StreamEntryId>
{
    public static readonly StreamEntryId Zero = new(0, 0);
    public static readonly StreamEntryId Max = new(ulong.MaxValue, ulong.MaxValue);

    public int CompareTo(StreamEntryId other) => Ms != other.Ms ? Ms.CompareTo(other.Ms) : Seq.CompareTo(other.Seq);

    public static bool operator <(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) < 0;
    public static bool operator >(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) > 0;
    public static bool operator <=(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) <= 0;
    public static bool operator >=(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) >= 0;

    public bool IsZero => Ms == 0 && Seq == 0;

    /// <summary>The next ID, or false when this is the largest.</summary>
    public bool TryNext(out StreamEntryId next)
    {
        next = Seq < ulong.MaxValue ? new StreamEntryId(Ms, Seq + 1) : Ms < ulong.MaxValue ? new StreamEntryId(Ms + 1, 0) : this;
        return this != Max;
    }

    /// <summary>The previous ID, or false when this is the smallest.</summary>
    public bool TryPrevious(out StreamEntryId previous)
    {
        previous = Seq > 0 ? new StreamEntryId(Ms, Seq - 1) : Ms > 0 ? new StreamEntryId(Ms - 1, ulong.MaxValue) : this;
        return !IsZero;
    }

    public override string ToString() => Ms.ToString(CultureInfo.InvariantCulture) + "-" + Seq.ToString(CultureInfo.InvariantCulture);

    public byte[] ToBytes() => Encoding.ASCII.GetBytes(ToString());

    /// <summary>
    /// An ID argument: <c>ms-seq</c>, or <c>ms</c> alone (its sequence then <paramref name="missingSeq"/>); with
    /// <paramref name="special"/>, also <c>-</c> and <c>+</c> (the smallest and largest IDs).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ulong missingSeq, bool special, out StreamEntryId id)
    {
        id = Zero;
        if (special && text.Length == 1 && text[0] == (byte)'-') return true;
        if (special && text.Length == 1 && text[0] == (byte)'+')
        {
            id = Max;
            return true;
        }
        var dash = text.IndexOf((byte)'-');
        if (dash < 0) return TryParseNumber(text, out var ms) && Set(out id, ms, missingSeq);
        return TryParseNumber(text[..dash], out var m) && TryParseNumber(text[(dash + 1)..], out var s) && Set(out id, m, s);
    }

    private static bool Set(out StreamEntryId id, ulong ms, ulong seq)
    {
        id = new StreamEntryId(ms, seq);
        return true;
    }

    /// <summary>An unsigned decimal as Redis reads IDs (digits only, no sign, at most 20 digits, no overflow).</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.Length is 0 or > 20) return false;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            var next = value * 10 + (ulong)(c - '0');
            if (value > ulong.MaxValue / 10 || next < value * 10) return false;
            value = next;
        }
        return true;
    }
}
