namespace DataTier.Model;

/// <summary>
/// DynamoDB's Number: an exact decimal of at most 38 significant digits with a magnitude between
/// 1E-130 and 9.99…E+125, or zero. Held as sign, significant digits d1..dn (ASCII, no leading or
/// trailing zeros) and an exponent E such that the value is 0.d1..dn × 10^E. Zero is the default
/// value (no digits, positive, exponent 0), so every value has exactly one representation.
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

    private static readonly string[] SingleDigits = ["", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

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

    public bool IsZero => _digits is null;

    public bool IsNegative => _negative;

    private int Sign => _digits is null ? 0 : _negative ? -1 : 1;

    public static DynamoNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse(string? text, out DynamoNumber value, out string? error)
    {
        value = default;
        error = InvalidMessage;
        if (text is null) return false;
        var s = text.AsSpan();
        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }
        var intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        var intDigits = i - intStart;
        var fracStart = i;
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) return false;
        long exponent = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E')) return false;
            i++;
            var expNegative = false;
            if (i < s.Length && s[i] is '+' or '-')
            {
                expNegative = s[i] == '-';
                i++;
            }
            if (i == s.Length) return false;
            for (; i < s.Length; i++)
            {
                if (!char.IsAsciiDigit(s[i])) return false;
                // Saturate far outside any length a request can carry, so the sum below cannot wrap.
                if (exponent < 1_000_000_000_000) exponent = exponent * 10 + (s[i] - '0');
            }
            if (expNegative) exponent = -exponent;
        }

        // The mantissa digits are s[intStart..+intDigits] followed by s[fracStart..+fracDigits].
        var total = intDigits + fracDigits;
        var first = 0;
        while (first < total && MantissaDigit(s, first, intStart, intDigits, fracStart) == '0') first++;
        if (first == total)
        {
            error = null;
            return true;
        }
        var last = total - 1;
        while (MantissaDigit(s, last, intStart, intDigits, fracStart) == '0') last--;
        var count = last - first + 1;
        var e = intDigits - first + exponent;
        if ((error = CheckLimits(count, e)) is not null) return false;

        string digits;
        if (count == 1)
        {
            digits = SingleDigits[MantissaDigit(s, first, intStart, intDigits, fracStart) - '0'];
        }
        else
        {
            Span<char> buffer = stackalloc char[MaxDigits];
            for (var k = 0; k < count; k++) buffer[k] = MantissaDigit(s, first + k, intStart, intDigits, fracStart);
            digits = new string(buffer[..count]);
        }
        value = new DynamoNumber(negative, digits, (int)e);
        return true;
    }

    private static char MantissaDigit(ReadOnlySpan<char> s, int k, int intStart, int intDigits, int fracStart) =>
        k < intDigits ? s[intStart + k] : s[fracStart + k - intDigits];

    private static string? CheckLimits(int significantDigits, long exponent) =>
        significantDigits > MaxDigits ? DigitsMessage
        : exponent > MaxExponent ? OverflowMessage
        : exponent < MinExponent ? UnderflowMessage
        : null;

    public static DynamoNumber FromInt64(long v)
    {
        if (v == 0) return Zero;
        var negative = v < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)v) : (ulong)v;
        var trailingZeros = 0;
        while (magnitude % 10 == 0)
        {
            magnitude /= 10;
            trailingZeros++;
        }
        Span<char> buffer = stackalloc char[20];
        var pos = buffer.Length;
        while (magnitude != 0)
        {
            buffer[--pos] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        var count = buffer.Length - pos;
        var digits = count == 1 ? SingleDigits[buffer[pos] - '0'] : new string(buffer[pos..]);
        return new DynamoNumber(negative, digits, count + trailingZeros);
    }

    /// <summary>The value as a long; false when it is not an integer or does not fit.</summary>
    public bool TryToInt64(out long value)
    {
        value = 0;
        if (_digits is null) return true;
        // An integer has all its digits before the point; 19 places reach past long's range
        // but stay below 10^19 < 2^64, so the ulong below cannot wrap.
        if (_exponent < _digits.Length || _exponent > 19) return false;
        ulong magnitude = 0;
        foreach (var c in _digits) magnitude = magnitude * 10 + (ulong)(c - '0');
        for (var k = _digits.Length; k < _exponent; k++) magnitude *= 10;
        if (_negative)
        {
            if (magnitude > 1UL << 63) return false;
            value = unchecked((long)(0UL - magnitude));
        }
        else
        {
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
        }
        return true;
    }

    public DynamoNumber Negate() => _digits is null ? this : new DynamoNumber(!_negative, _digits, _exponent);

    /// <summary>Exact a + b; throws <see cref="FormatException"/> with DynamoDB's message when the sum is not a valid Number.</summary>
    public static DynamoNumber Add(DynamoNumber a, DynamoNumber b) =>
        TryAdd(a, b, out var result, out var error) ? result : throw new FormatException(error);

    public static bool TryAdd(DynamoNumber a, DynamoNumber b, out DynamoNumber result, out string? error)
    {
        error = null;
        if (b._digits is null) { result = a; return true; }
        if (a._digits is null) { result = b; return true; }
        result = default;

        var negative = a._negative;
        if (a._negative != b._negative)
        {
            var c = CompareMagnitude(a, b);
            if (c == 0) return true;
            // Subtract the smaller magnitude from the larger; the result takes the larger's sign.
            if (c < 0) (a, b) = (b, a);
            negative = a._negative;
        }

        // Column j holds decimal place top - j; column 0 (place max(E)) is only reached by a carry,
        // as a number's leading digit sits at place E - 1. Valid inputs span at most places
        // 126 down to -167, so the buffer stays small.
        var top = Math.Max(a._exponent, b._exponent);
        var bottom = Math.Min(a._exponent - a._digits.Length, b._exponent - b._digits!.Length);
        Span<int> columns = stackalloc int[top - bottom + 1];
        columns.Clear();
        AddDigits(columns, top, a, 1);
        AddDigits(columns, top, b, a._negative == b._negative ? 1 : -1);
        var carry = 0;
        for (var j = columns.Length - 1; j >= 0; j--)
        {
            var d = columns[j] + carry;
            carry = d >= 10 ? 1 : d < 0 ? -1 : 0;
            columns[j] = d - carry * 10;
        }

        var first = 0;
        while (columns[first] == 0) first++;
        var last = columns.Length - 1;
        while (columns[last] == 0) last--;
        var count = last - first + 1;
        var exponent = top - first + 1;
        if ((error = CheckLimits(count, exponent)) is not null) return false;

        string digits;
        if (count == 1)
        {
            digits = SingleDigits[columns[first]];
        }
        else
        {
            Span<char> buffer = stackalloc char[MaxDigits];
            for (var k = 0; k < count; k++) buffer[k] = (char)('0' + columns[first + k]);
            digits = new string(buffer[..count]);
        }
        result = new DynamoNumber(negative, digits, exponent);
        return true;
    }

    private static void AddDigits(Span<int> columns, int top, DynamoNumber n, int factor)
    {
        var digits = n._digits!;
        var offset = top - n._exponent + 1;
        for (var k = 0; k < digits.Length; k++) columns[offset + k] += factor * (digits[k] - '0');
    }

    private static int CompareMagnitude(DynamoNumber a, DynamoNumber b) =>
        a._exponent != b._exponent
            ? a._exponent.CompareTo(b._exponent)
            : string.CompareOrdinal(a._digits, b._digits);

    public int CompareTo(DynamoNumber other)
    {
        var sign = Sign;
        var otherSign = other.Sign;
        if (sign != otherSign) return sign < otherSign ? -1 : 1;
        if (sign == 0) return 0;
        var magnitude = CompareMagnitude(this, other);
        return sign > 0 ? magnitude : -magnitude;
    }

    public bool Equals(DynamoNumber other) =>
        _negative == other._negative && _exponent == other._exponent && string.Equals(_digits, other._digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    public override int GetHashCode() => _digits is null ? 0 : HashCode.Combine(_negative, _exponent, _digits);

    public static bool operator ==(DynamoNumber a, DynamoNumber b) => a.Equals(b);
    public static bool operator !=(DynamoNumber a, DynamoNumber b) => !a.Equals(b);
    public static bool operator <(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) >= 0;

    /// <summary>Plain decimal notation without exponent, as DynamoDB returns numbers.</summary>
    public override string ToString()
    {
        if (_digits is null) return "0";
        var n = _digits.Length;
        var length = (_negative ? 1 : 0) + (_exponent <= 0 ? 2 - _exponent + n : _exponent >= n ? _exponent : n + 1);
        return string.Create(length, this, static (span, number) =>
        {
            var digits = number._digits!.AsSpan();
            var e = number._exponent;
            var pos = 0;
            if (number._negative) span[pos++] = '-';
            if (e <= 0)
            {
                span[pos++] = '0';
                span[pos++] = '.';
                span.Slice(pos, -e).Fill('0');
                digits.CopyTo(span[(pos - e)..]);
            }
            else if (e >= digits.Length)
            {
                digits.CopyTo(span[pos..]);
                span[(pos + digits.Length)..].Fill('0');
            }
            else
            {
                digits[..e].CopyTo(span[pos..]);
                span[pos + e] = '.';
                digits[e..].CopyTo(span[(pos + e + 1)..]);
            }
        });
    }

    // Sortable form: a class byte (negative 0x40 < zero 0x80 < positive 0xC0); zero is that byte
    // alone. Otherwise the exponent biased into 0..255, the digits two per byte as 1 + 10a + b
    // (an odd last digit as if followed by 0, which is unambiguous because digits never end in 0),
    // and a 0x00 terminator that sorts below every digit byte, so a shorter digit string sorts
    // first. Negatives complement everything after the class byte: larger magnitudes sort lower
    // and the terminator becomes 0xFF, above every complemented digit byte. No encoding is a
    // prefix of another, so the form can also be followed by other bytes in a composite key.
    private const byte NegativeClass = 0x40;
    private const byte ZeroClass = 0x80;
    private const byte PositiveClass = 0xC0;

    public int GetSortableByteCount() => _digits is null ? 1 : 3 + (_digits.Length + 1) / 2;

    public void WriteSortable(Span<byte> destination)
    {
        if (_digits is null)
        {
            destination[0] = ZeroClass;
            return;
        }
        var count = 3 + (_digits.Length + 1) / 2;
        if (destination.Length < count) throw new ArgumentException("Destination is too short", nameof(destination));
        var flip = _negative ? (byte)0xFF : (byte)0;
        destination[0] = _negative ? NegativeClass : PositiveClass;
        destination[1] = (byte)((_exponent - MinExponent) ^ flip);
        var digits = _digits;
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

    /// <summary>Decodes exactly one sortable form; throws <see cref="FormatException"/> on anything else.</summary>
    public static DynamoNumber FromSortableBytes(ReadOnlySpan<byte> bytes)
    {
        var value = ReadSortable(bytes, out var read);
        if (read != bytes.Length) throw new FormatException("Bytes after the end of a sortable number");
        return value;
    }

    /// <summary>Decodes the sortable form at the start of <paramref name="source"/>, which may be followed by other bytes.</summary>
    public static DynamoNumber ReadSortable(ReadOnlySpan<byte> source, out int bytesRead)
    {
        if (source.Length == 0) throw new FormatException("Empty sortable number");
        if (source[0] == ZeroClass)
        {
            bytesRead = 1;
            return Zero;
        }
        if (source[0] is not (NegativeClass or PositiveClass) || source.Length < 4) throw new FormatException("Invalid sortable number");
        var negative = source[0] == NegativeClass;
        var flip = negative ? (byte)0xFF : (byte)0;
        var exponent = (source[1] ^ flip) + MinExponent;
        Span<char> buffer = stackalloc char[MaxDigits];
        var count = 0;
        var pos = 2;
        while (true)
        {
            if (pos == source.Length) throw new FormatException("Unterminated sortable number");
            var b = source[pos++] ^ flip;
            if (b == 0) break;
            if (b > 100 || count == MaxDigits) throw new FormatException("Invalid sortable number");
            b -= 1;
            buffer[count++] = (char)('0' + b / 10);
            buffer[count++] = (char)('0' + b % 10);
        }
        if (count > 0 && buffer[count - 1] == '0') count--;
        if (count == 0 || buffer[0] == '0' || buffer[count - 1] == '0') throw new FormatException("Invalid sortable number");
        bytesRead = pos;
        var digits = count == 1 ? SingleDigits[buffer[0] - '0'] : new string(buffer[..count]);
        return new DynamoNumber(negative, digits, exponent);
    }
}
