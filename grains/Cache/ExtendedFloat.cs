using System.Globalization;
using System.Numerics;
using System.Text;

namespace DataTier.Cache;

/// <summary>
/// An x87 80-bit extended float (a 64-bit significand), the <c>long double</c> of INCRBYFLOAT and HINCRBYFLOAT in
/// Redis on x86-64: read as strtold reads it, added with the one rounding the hardware makes, and printed as Redis
/// prints it (<c>%.17Lf</c>, trailing zeros dropped). A double would answer other digits (1e308 is not the same number
/// in both) and overflow where the long double does not. The value is <c>Significand * 2^Exponent</c>, exact.
/// </summary>
public readonly struct ExtendedFloat
{
    private const int SignificandBits = 64;
    /// <summary>The exponent of the last significand bit of the smallest subnormal, and of the largest finite value.</summary>
    private const int MinExponent = -16445, MaxExponent = 16320;
    /// <summary>strtold's buffer in Redis (MAX_LONG_DOUBLE_CHARS): longer text is not a number.</summary>
    private const int MaxChars = 5 * 1024;

    private readonly BigInteger _significand;
    private readonly int _exponent;

    public bool Negative { get; }
    public bool Infinite { get; }

    private ExtendedFloat(bool negative, BigInteger significand, int exponent, bool infinite)
    {
        Negative = negative;
        _significand = significand;
        _exponent = exponent;
        Infinite = infinite;
    }

    /// <summary>
    /// The text as Redis' string2ld reads it: all of it, no leading space, decimal or hex (<c>0x1.8p3</c>), inf and
    /// infinity; NaN, an overflow and an underflow to zero refused.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ExtendedFloat value)
    {
        value = default;
        if (text.Length == 0 || text.Length >= MaxChars) return false;
        var negative = text[0] == '-';
        var body = text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
        var word = Encoding.ASCII.GetString(body).ToLowerInvariant();
        if (word is "inf" or "infinity")
        {
            value = new ExtendedFloat(negative, BigInteger.Zero, 0, infinite: true);
            return true;
        }
        var hex = body.Length > 2 && body[0] == '0' && (body[1] | 0x20) == 'x';
        if (!TryReadDigits(hex ? body[2..] : body, hex, out var digits, out var scale)) return false;
        if (digits.IsZero)
        {
            value = new ExtendedFloat(negative, BigInteger.Zero, 0, infinite: false);
            return true;
        }
        // Far outside the range (about 1e-4951 to 1e4932): strtold's ERANGE, which Redis refuses.
        var magnitude = (hex ? scale * 0.30103 : scale) + BigInteger.Log10(digits);
        if (magnitude is > 5000 or < -5000) return false;
        var (numerator, denominator) = hex ? Power(2, scale) : Power(10, scale);
        value = Round(negative, digits * numerator, denominator);
        return !value.Infinite && !value._significand.IsZero;
    }

    /// <summary>The sum, rounded to the nearest extended float (ties to even); infinite when it overflows.</summary>
    public static ExtendedFloat operator +(ExtendedFloat a, ExtendedFloat b)
    {
        if (a.Infinite || b.Infinite) return new ExtendedFloat(a.Infinite ? a.Negative : b.Negative, BigInteger.Zero, 0, infinite: true);
        var exponent = Math.Min(a._exponent, b._exponent);
        var sum = a.Signed << (a._exponent - exponent);
        sum += b.Signed << (b._exponent - exponent);
        if (sum.IsZero) return new ExtendedFloat(a.Negative && b.Negative, BigInteger.Zero, 0, infinite: false);
        var (numerator, denominator) = Power(2, exponent);
        return Round(sum.Sign < 0, BigInteger.Abs(sum) * numerator, denominator);
    }

    /// <summary>As Redis prints a long double for people: 17 decimals, trailing zeros and a bare point dropped, "-0" as "0".</summary>
    public override string ToString()
    {
        var (numerator, denominator) = Power(2, _exponent);
        var scaled = RoundedQuotient(_significand * numerator * BigInteger.Pow(10, 17), denominator);
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0');
        var text = digits[..^17] + "." + digits[^17..];
        text = text.TrimEnd('0').TrimEnd('.');
        return Negative && !scaled.IsZero ? "-" + text : text;
    }

    private BigInteger Signed => Negative ? -_significand : _significand;

    /// <summary>Decimal digits with an optional point and e-exponent, or hex digits with an optional p-exponent (a power of two).</summary>
    private static bool TryReadDigits(ReadOnlySpan<byte> text, bool hex, out BigInteger digits, out int scale)
    {
        digits = BigInteger.Zero;
        scale = 0;
        var i = 0;
        var seen = false;
        var afterPoint = false;
        var radix = hex ? 16 : 10;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !afterPoint)
            {
                afterPoint = true;
                continue;
            }
            var d = HexDigit(c);
            if (d < 0 || d >= radix) break;
            seen = true;
            digits = digits * radix + d;
            if (afterPoint) scale -= hex ? 4 : 1;
        }
        if (!seen) return false;
        if (i == text.Length) return true;
        if ((text[i] | 0x20) != (hex ? 'p' : 'e')) return false;
        var exponent = text[(i + 1)..];
        var negative = exponent.Length > 0 && exponent[0] == '-';
        if (exponent.Length > 0 && exponent[0] is (byte)'-' or (byte)'+') exponent = exponent[1..];
        if (exponent.Length == 0) return false;
        var value = 0L;
        foreach (var c in exponent)
        {
            if (c is < (byte)'0' or > (byte)'9') return false;
            // Saturated: such an exponent is out of range whatever the digits.
            value = Math.Min(value * 10 + (c - '0'), 1_000_000);
        }
        scale += (int)(negative ? -value : value);
        return true;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary><paramref name="radix"/>^<paramref name="power"/> as a fraction of whole numbers.</summary>
    private static (BigInteger Numerator, BigInteger Denominator) Power(int radix, int power) =>
        power >= 0 ? (BigInteger.Pow(radix, power), BigInteger.One) : (BigInteger.One, BigInteger.Pow(radix, -power));

    /// <summary>The extended float nearest <paramref name="numerator"/> / <paramref name="denominator"/> (both positive).</summary>
    private static ExtendedFloat Round(bool negative, BigInteger numerator, BigInteger denominator)
    {
        var exponent = (int)(numerator.GetBitLength() - denominator.GetBitLength()) - SignificandBits;
        // The quotient at this exponent has 64 or 65 bits; one more place keeps it to 64 before rounding.
        if (Scaled(numerator, denominator, exponent) >= BigInteger.One << SignificandBits) exponent++;
        exponent = Math.Max(exponent, MinExponent);
        var (n, d) = exponent >= 0 ? (numerator, denominator << exponent) : (numerator << -exponent, denominator);
        var significand = RoundedQuotient(n, d);
        if (significand >= BigInteger.One << SignificandBits)
        {
            significand >>= 1;
            exponent++;
        }
        return exponent > MaxExponent
            ? new ExtendedFloat(negative, BigInteger.Zero, 0, infinite: true)
            : new ExtendedFloat(negative, significand, exponent, infinite: false);
    }

    private static BigInteger Scaled(BigInteger numerator, BigInteger denominator, int exponent) =>
        exponent >= 0 ? numerator / (denominator << exponent) : (numerator << -exponent) / denominator;

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> rounded to the nearest whole number, ties to even.</summary>
    private static BigInteger RoundedQuotient(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven)) quotient++;
        return quotient;
    }
}
