using System.Globalization;

namespace DataTier.Cache;

/// <summary>Doubles as Redis 7.0 prints them in replies: C's <c>%.17g</c>, and <c>inf</c> / <c>-inf</c>.</summary>
public static class ScoreFormat
{
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0" : "0";
        // .NET's G17 switches to exponent form at the same thresholds as C's %g; only the exponent's spelling differs.
        var text = value.ToString("G17", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0) return text;
        var mantissa = text[..e];
        var sign = text[e + 1];
        var digits = text[(e + 2)..].TrimStart('0');
        if (digits.Length < 2) digits = digits.PadLeft(2, '0');
        return $"{mantissa}e{sign}{digits}";
    }

    public static byte[] FormatBytes(double value) => System.Text.Encoding.ASCII.GetBytes(Format(value));
}
