using System.Globalization;
using System.Numerics;
using System.Text;

namespace DataTier.Cache.Geo;

/// <summary>Numbers in geo replies and errors, printed as Redis prints them.</summary>
public static class GeoFormat
{
    /// <summary>A distance with four decimals (Redis' fixedpoint_d2string: the value times 10^4 rounded to the nearest, ties to even).</summary>
    public static byte[] Distance(double meters)
    {
        var units = RoundToLong(meters * 10000.0);
        var negative = units < 0;
        var digits = (negative ? (ulong)(-(units + 1)) + 1 : (ulong)units).ToString(CultureInfo.InvariantCulture).PadLeft(5, '0');
        return Encoding.ASCII.GetBytes((negative ? "-" : "") + digits[..^4] + "." + digits[^4..]);
    }

    /// <summary>A coordinate as Redis' "human" long double: exactly, to 17 decimals, without trailing zeros (and "0" for a negative zero).</summary>
    public static string Coordinate(double degrees)
    {
        var text = Fixed(degrees, 17);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        return text == "-0" ? "0" : text;
    }

    /// <summary>C's <c>%.Nf</c>: the exact value rounded to <paramref name="decimals"/> decimals, ties to even; <c>inf</c> and <c>-inf</c>.</summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = new BigInteger(bits & 0xFFFFFFFFFFFFFL);
        if (exponent == 0) exponent = 1;
        else mantissa += BigInteger.One << 52;
        // |value| = mantissa * 2^shift
        var shift = exponent - 1075;
        var scaled = mantissa * BigInteger.Pow(10, decimals);
        BigInteger units;
        if (shift >= 0) units = scaled << shift;
        else
        {
            var divisor = BigInteger.One << -shift;
            units = BigInteger.DivRem(scaled, divisor, out var remainder);
            var twice = remainder * 2;
            if (twice > divisor || (twice == divisor && !units.IsEven)) units += 1;
        }
        var digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return double.IsNegative(value) ? "-" + text : text;
    }

    /// <summary>C's llrint on x86-64: to the nearest, ties to even; the lowest long when the result does not fit.</summary>
    private static long RoundToLong(double value)
    {
        var rounded = Math.Round(value, MidpointRounding.ToEven);
        return rounded >= -9223372036854775808.0 && rounded < 9223372036854775808.0 ? (long)rounded : long.MinValue;
    }
}
