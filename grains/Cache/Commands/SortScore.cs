using DataTier.Cache.Geo;

namespace DataTier.Cache.Commands;

/// <summary>
/// A weight as SORT reads it with C's strtod: the whole string up to any zero byte (an empty one is 0), leading white space allowed,
/// hexadecimal too; refused when not a number, NaN, or out of a double's normal range (strtod's ERANGE).
/// </summary>
public static class SortScore
{
    public static bool TryParse(byte[] text, out double score)
    {
        score = 0;
        // strtod reads a C string: it ends at a zero byte (SETRANGE's padding), and an empty one is 0.
        var end = Array.IndexOf(text, (byte)0);
        if (end >= 0) text = text[..end];
        if (text.Length == 0) return true;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or >= 9 and <= 13) start++;
        var number = text[start..];
        if (!(TryParseHex(number, out score) || GeoArgs.TryParseNumber(number, out score))) return false;
        return score == 0 || double.IsInfinity(score) || Math.Abs(score) >= MinNormal;
    }

    /// <summary>The smallest normal double: strtod reports smaller magnitudes as out of range.</summary>
    private const double MinNormal = 2.2250738585072014E-308;

    /// <summary>[sign] 0x hex-digits [. hex-digits] [p [sign] decimal-digits].</summary>
    private static bool TryParseHex(byte[] text, out double value)
    {
        value = 0;
        var i = text.Length > 0 && text[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        var negative = i == 1 && text[0] == '-';
        if (i + 2 > text.Length || text[i] != '0' || text[i + 1] is not ((byte)'x' or (byte)'X')) return false;
        i += 2;
        var digits = 0;
        var exponent = 0;
        var afterPoint = false;
        for (; i < text.Length; i++)
        {
            if (text[i] == '.' && !afterPoint)
            {
                afterPoint = true;
                continue;
            }
            var digit = HexDigit(text[i]);
            if (digit < 0) break;
            value = value * 16 + digit;
            digits++;
            if (afterPoint) exponent -= 4;
        }
        if (digits == 0) return false;
        if (i < text.Length && text[i] is (byte)'p' or (byte)'P')
        {
            if (!int.TryParse(text.AsSpan(i + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var power)) return false;
            exponent += power;
            i = text.Length;
        }
        if (i != text.Length) return false;
        value = Math.ScaleB(negative ? -value : value, exponent);
        return !double.IsInfinity(value);
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
