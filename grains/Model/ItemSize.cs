using System.Numerics;
using System.Text;

namespace DataTier.Model;

/// <summary>Item and attribute sizes by DynamoDB's rules, which the 400 KB item limit and the 1 MB page limit count in.</summary>
public static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttrValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item) size += OfAttribute(name, value);
        return size;
    }

    /// <summary>A top-level attribute's share of its item's size: its name and its value.</summary>
    public static int OfAttribute(string name, AttrValue value) => Encoding.UTF8.GetByteCount(name) + Of(value);

    public static int Of(AttrValue v)
    {
        switch (v.Type)
        {
            case AttrType.S: return Encoding.UTF8.GetByteCount(v.Text!);
            case AttrType.N: return NumberSize(v.Text!);
            case AttrType.B: return v.Bytes!.Length;
            case AttrType.BOOL:
            case AttrType.NULL: return 1;
            case AttrType.L:
            {
                var size = 3;
                foreach (var e in v.List!) size += 1 + Of(e);
                return size;
            }
            case AttrType.M:
            {
                var size = 3;
                foreach (var (k, e) in v.Map!) size += 1 + Encoding.UTF8.GetByteCount(k) + Of(e);
                return size;
            }
            case AttrType.SS:
            {
                var size = 0;
                foreach (var s in v.TextSet!) size += Encoding.UTF8.GetByteCount(s);
                return size;
            }
            case AttrType.NS:
            {
                var size = 0;
                foreach (var s in v.TextSet!) size += NumberSize(s);
                return size;
            }
            case AttrType.BS:
            {
                var size = 0;
                foreach (var b in v.BytesSet!) size += b.Length;
                return size;
            }
            default: return 0;
        }
    }

    /// <summary>About one byte per two significant digits, plus one.</summary>
    private static int NumberSize(string canonical) => NumberSize(canonical.AsSpan());

    /// <summary>As <see cref="NumberSize(string)"/>, of a number's canonical text as characters or as its (ASCII) UTF-8 bytes.</summary>
    internal static int NumberSize<TChar>(ReadOnlySpan<TChar> canonical) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        var digits = 0;
        var leading = true;
        foreach (var c in canonical)
        {
            var ch = int.CreateTruncating(c);
            if (ch is < '0' or > '9') continue;
            if (leading && ch == '0') continue;
            leading = false;
            digits++;
        }
        var hasPoint = canonical.IndexOf(TChar.CreateTruncating('.')) >= 0;
        var trailing = 0;
        for (var i = canonical.Length - 1; i >= 0 && int.CreateTruncating(canonical[i]) is '0' or '.'; i--)
            if (int.CreateTruncating(canonical[i]) == '0' && !hasPoint) trailing++;
        digits = Math.Max(1, digits - trailing);
        return (digits + 1) / 2 + 1;
    }
}
