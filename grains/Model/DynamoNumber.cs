using System.Globalization;
using System.Numerics;
using System.Text;

namespace DataTier.Model;

/// <summary>
/// DynamoDB's Number: an exact decimal of at most 38 significant digits with a magnitude between
/// 1E-130 and 9.99…E+125, or zero. Held as sign, significant digits d1..dn (no leading or trailing
/// zeros) and an exponent E such that the value is 0.d1..dn × 10^E.
/// </summary>
public readonly struct DynamoNumber : IEquatable<DynamoNumber>, IComparable<DynamoNumber>
{
    public const int MaxDigits = 38;
    private const int MaxExponent = 126;   // 0.99…9 × 10^126 = 9.9…9E+125
    private const int MinExponent = -129;  // 0.1 × 10^-129 = 1E-130

    public const string InvalidMessage = "A value provided cannot be converted into a number";
    public const string DigitsMessage = "Attempting to store more than 38 significant digits in a Number";
    public const string OverflowMessage = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    public const string UnderflowMessage = "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    private readonly string? _digits;
    private readonly int _exponent;
    private readonly bool _negative;

    private DynamoNumber(bool negative, string digits, int exponent)
    {
        _negative = negative;
        _digits = digits;
        _exponent = exponent;
    }

    public static DynamoNumber Zero => default;

    public bool IsZero => string.IsNullOrEmpty(_digits);

    public bool IsNegative => _negative && !IsZero;

    private string Digits => _digits ?? "";

    public static DynamoNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse(string? text, out DynamoNumber value, out string? error)
    {
        value = default;
        error = InvalidMessage;
        if (string.IsNullOrEmpty(text)) return false;
        var i = 0;
        var negative = false;
        if (text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var digits = new StringBuilder(text.Length);
        var pointPosition = -1;
        var sawDigit = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                sawDigit = true;
                digits.Append(c);
            }
            else if (c == '.' && pointPosition < 0)
            {
                pointPosition = digits.Length;
            }
            else
            {
                break;
            }
        }
        if (!sawDigit) return false;
        long exponent = 0;
        if (i < text.Length)
        {
            if (text[i] is not ('e' or 'E')) return false;
            i++;
            var expNegative = false;
            if (i < text.Length && text[i] is '+' or '-')
            {
                expNegative = text[i] == '-';
                i++;
            }
            if (i == text.Length) return false;
            for (; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i])) return false;
                if (exponent < 1_000_000) exponent = exponent * 10 + (text[i] - '0');
            }
            if (expNegative) exponent = -exponent;
        }
        if (pointPosition < 0) pointPosition = digits.Length;

        var start = 0;
        while (start < digits.Length && digits[start] == '0') start++;
        if (start == digits.Length)
        {
            error = null;
            return true;
        }
        var end = digits.Length;
        while (digits[end - 1] == '0') end--;
        var significant = digits.ToString(start, end - start);
        var e = pointPosition - start + exponent;
        if (significant.Length > MaxDigits)
        {
            error = DigitsMessage;
            return false;
        }
        if (e > MaxExponent)
        {
            error = OverflowMessage;
            return false;
        }
        if (e < MinExponent)
        {
            error = UnderflowMessage;
            return false;
        }
        value = new DynamoNumber(negative, significant, (int)e);
        error = null;
        return true;
    }

    public static DynamoNumber FromInt64(long v) => Parse(v.ToString(CultureInfo.InvariantCulture));

    public bool TryToInt64(out long value)
    {
        value = 0;
        if (IsZero) return true;
        if (_exponent < Digits.Length || _exponent > 19) return false;
        return long.TryParse(ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public DynamoNumber Negate() => IsZero ? this : new DynamoNumber(!_negative, Digits, _exponent);

    public static DynamoNumber Add(DynamoNumber a, DynamoNumber b) =>
        TryAdd(a, b, out var result, out var error) ? result : throw new FormatException(error);

    public static bool TryAdd(DynamoNumber a, DynamoNumber b, out DynamoNumber result, out string? error)
    {
        if (a.IsZero) { result = b; error = null; return true; }
        if (b.IsZero) { result = a; error = null; return true; }
        // Value = coefficient × 10^scale with scale = E - digit count.
        var scaleA = a._exponent - a.Digits.Length;
        var scaleB = b._exponent - b.Digits.Length;
        var scale = Math.Min(scaleA, scaleB);
        var ca = BigInteger.Parse(a.Digits, CultureInfo.InvariantCulture) * BigInteger.Pow(10, scaleA - scale);
        var cb = BigInteger.Parse(b.Digits, CultureInfo.InvariantCulture) * BigInteger.Pow(10, scaleB - scale);
        if (a.IsNegative) ca = -ca;
        if (b.IsNegative) cb = -cb;
        var sum = ca + cb;
        var text = BigInteger.Abs(sum).ToString(CultureInfo.InvariantCulture) + "E" + scale.ToString(CultureInfo.InvariantCulture);
        if (sum.Sign < 0) text = "-" + text;
        return TryParse(text, out result, out error);
    }

    public int CompareTo(DynamoNumber other)
    {
        var sign = Sign;
        var otherSign = other.Sign;
        if (sign != otherSign) return sign.CompareTo(otherSign);
        if (sign == 0) return 0;
        var magnitude = _exponent != other._exponent
            ? _exponent.CompareTo(other._exponent)
            : string.CompareOrdinal(Digits, other.Digits);
        return sign > 0 ? magnitude : -magnitude;
    }

    private int Sign => IsZero ? 0 : _negative ? -1 : 1;

    public bool Equals(DynamoNumber other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    public override int GetHashCode() => IsZero ? 0 : HashCode.Combine(_negative, Digits, _exponent);

    public static bool operator ==(DynamoNumber a, DynamoNumber b) => a.Equals(b);
    public static bool operator !=(DynamoNumber a, DynamoNumber b) => !a.Equals(b);
    public static bool operator <(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) >= 0;

    /// <summary>Plain decimal notation, as DynamoDB returns numbers.</summary>
    public override string ToString()
    {
        if (IsZero) return "0";
        var digits = Digits;
        var sb = new StringBuilder(digits.Length + Math.Abs(_exponent) + 3);
        if (_negative) sb.Append('-');
        if (_exponent <= 0)
            sb.Append("0.").Append('0', -_exponent).Append(digits);
        else if (_exponent >= digits.Length)
            sb.Append(digits).Append('0', _exponent - digits.Length);
        else
            sb.Append(digits, 0, _exponent).Append('.').Append(digits, _exponent, digits.Length - _exponent);
        return sb.ToString();
    }

    // Sortable form: a class byte (negative 0x40 < zero 0x80 < positive 0xC0), the exponent biased
    // into one byte, the digits two per byte as 1 + 10a + b (an odd last digit as if followed by 0),
    // and a terminator that sorts below every digit byte. Negatives complement everything after
    // the class byte, so a larger magnitude sorts lower.
    private const byte NegativeClass = 0x40;
    private const byte ZeroClass = 0x80;
    private const byte PositiveClass = 0xC0;

    public int GetSortableByteCount() => IsZero ? 1 : 3 + (Digits.Length + 1) / 2;

    public void WriteSortable(Span<byte> destination)
    {
        if (IsZero)
        {
            destination[0] = ZeroClass;
            return;
        }
        var flip = _negative ? (byte)0xFF : (byte)0;
        destination[0] = _negative ? NegativeClass : PositiveClass;
        destination[1] = (byte)((_exponent - MinExponent) ^ flip);
        var digits = Digits;
        var pos = 2;
        for (var i = 0; i < digits.Length; i += 2)
        {
            var high = digits[i] - '0';
            var low = i + 1 < digits.Length ? digits[i + 1] - '0' : 0;
            destination[pos++] = (byte)((1 + high * 10 + low) ^ flip);
        }
        destination[pos] = flip;
    }

    public byte[] ToSortableBytes()
    {
        var bytes = new byte[GetSortableByteCount()];
        WriteSortable(bytes);
        return bytes;
    }

    public static DynamoNumber FromSortableBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new FormatException("Empty sortable number");
        if (bytes[0] == ZeroClass) return Zero;
        var negative = bytes[0] == NegativeClass;
        var flip = negative ? (byte)0xFF : (byte)0;
        var exponent = (bytes[1] ^ flip) + MinExponent;
        var digits = new StringBuilder(MaxDigits);
        for (var i = 2; i < bytes.Length; i++)
        {
            var b = bytes[i] ^ flip;
            if (b == 0) break;
            b -= 1;
            digits.Append((char)('0' + b / 10)).Append((char)('0' + b % 10));
        }
        if (digits.Length > 0 && digits[^1] == '0') digits.Length--;
        return new DynamoNumber(negative, digits.ToString(), exponent);
    }
}
