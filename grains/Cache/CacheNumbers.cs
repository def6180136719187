using System.Globalization;
using System.Text;

namespace DataTier.Cache;

/// <summary>Parsing and printing numbers as Redis does (its string2ll, strtod and long-double printing).</summary>
public static class CacheNumbers
{
    /// <summary>Strict decimal integer: optional '-', no '+', no leading zeros, no spaces, within 64 bits.</summary>
    public static bool TryParseLong(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 20) return false;
        if (text.Length == 1 && text[0] == '0') return true;
        var negative = text[0] == '-';
        var i = negative ? 1 : 0;
        if (i >= text.Length || text[i] < '1' || text[i] > '9') return false;
        ulong magnitude = 0;
        for (; i < text.Length; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9) return false;
            if (magnitude > (ulong.MaxValue - (ulong)d) / 10) return false;
            magnitude = magnitude * 10 + (ulong)d;
        }
        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - magnitude);
        }
        else
        {
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
        }
        return true;
    }

    /// <summary>A double as strtod reads it, whole string, no surrounding spaces, "inf"/"+inf"/"-inf" allowed, NaN refused.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 256) return false;
        if (text[0] is (byte)' ' or (byte)'\t' || text[^1] is (byte)' ' or (byte)'\t') return false;
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        var body = chars[0] is '+' or '-' ? chars[1..] : chars;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = chars[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        foreach (var c in body)
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')) return false;
        if (!double.TryParse(chars, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        return !double.IsNaN(value);
    }

    /// <summary>
    /// INCRBYFLOAT's and HINCRBYFLOAT's sum in Redis' long double (<see cref="ExtendedFloat"/>), printed as Redis prints it;
    /// false when either is not a number (<paramref name="notFloat"/>) or the sum is infinite.
    /// </summary>
    public static bool TryAddFloat(ReadOnlySpan<byte> current, ReadOnlySpan<byte> increment, out byte[] result, out bool notFloat)
    {
        result = [];
        notFloat = !ExtendedFloat.TryParse(current, out var a) | !ExtendedFloat.TryParse(increment, out var b);
        if (notFloat) return false;
        var sum = a + b;
        if (sum.Infinite) return false;
        result = Encoding.ASCII.GetBytes(sum.ToString());
        return true;
    }

    public static byte[] ToBytes(long value)
    {
        Span<byte> buffer = stackalloc byte[20];
        System.Buffers.Text.Utf8Formatter.TryFormat(value, buffer, out var written);
        return buffer[..written].ToArray();
    }
}
