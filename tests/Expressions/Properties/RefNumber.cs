using System.Numerics;

namespace DataTier.Tests.Expressions.Properties;

/// <summary>
/// The reference's own exact decimal: Mantissa × 10^Exponent, normalised so equal values are equal records.
/// Deliberately naive and separate from the engine's DynamoNumber.
/// </summary>
public readonly record struct RefNumber(BigInteger Mantissa, int Exponent) : IComparable<RefNumber>
{
    public static RefNumber Parse(string text)
    {
        var s = text.Trim();
        var exponent = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(s[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            s = s[..e];
        }
        var negative = s.StartsWith('-');
        s = s.TrimStart('-', '+');
        var dot = s.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= s.Length - dot - 1;
            s = s.Remove(dot, 1);
        }
        var mantissa = BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return Normalise(negative ? -mantissa : mantissa, exponent);
    }

    public static RefNumber operator +(RefNumber a, RefNumber b)
    {
        var e = Math.Min(a.Exponent, b.Exponent);
        return Normalise(a.Scaled(e) + b.Scaled(e), e);
    }

    public static RefNumber operator -(RefNumber a) => new(-a.Mantissa, a.Exponent);

    public int CompareTo(RefNumber other)
    {
        var e = Math.Min(Exponent, other.Exponent);
        return Scaled(e).CompareTo(other.Scaled(e));
    }

    public override string ToString() => Mantissa.IsZero ? "0" : $"{Mantissa}E{Exponent}";

    private BigInteger Scaled(int exponent) => Mantissa * BigInteger.Pow(10, Exponent - exponent);

    private static RefNumber Normalise(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero) return new RefNumber(0, 0);
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        return new RefNumber(mantissa, exponent);
    }
}
