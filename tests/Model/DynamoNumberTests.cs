using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Model;

public class DynamoNumberTests
{
    private const string Max = "9.9999999999999999999999999999999999999E+125";
    private const string ThirtyEightDigits = "12345678901234567890123456789012345678";

    // Every valid number is an integer multiple of 10^-Scale; the oracle compares and adds those integers.
    private const int Scale = 200;

    private static readonly Regex CanonicalForm = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("-0", "0")]
    [InlineData("0", "0")]
    [InlineData("+0.000", "0")]
    [InlineData("0.000", "0")]
    [InlineData("0E5", "0")]
    [InlineData("0E-200", "0")]
    [InlineData("-0.0E+999", "0")]
    [InlineData("1E+2", "100")]
    [InlineData("1e2", "100")]
    [InlineData("100", "100")]
    [InlineData("1.0", "1")]
    [InlineData("+7", "7")]
    [InlineData("0012.3400", "12.34")]
    [InlineData("1e-3", "0.001")]
    [InlineData("1E-0", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("-.5", "-0.5")]
    [InlineData("5.", "5")]
    [InlineData("5.E1", "50")]
    [InlineData("-12.5e1", "-125")]
    [InlineData("123.456E-2", "1.23456")]
    [InlineData("0.00123E+5", "123")]
    [InlineData("-00.010", "-0.01")]
    [InlineData(ThirtyEightDigits, ThirtyEightDigits)]
    [InlineData("-" + ThirtyEightDigits, "-" + ThirtyEightDigits)]
    [InlineData("0000000000" + ThirtyEightDigits + "0000000000", ThirtyEightDigits + "0000000000")]
    [InlineData("000000.00000" + ThirtyEightDigits + "000000000000", "0.00000" + ThirtyEightDigits)]
    [InlineData("1.2345678901234567890123456789012345678", "1.2345678901234567890123456789012345678")]
    [InlineData("1E+125", "1" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(Max, "99999999999999999999999999999999999999" + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1E-130", "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("-1E-130", "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("10E-131", "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    public void Parses_to_canonical_form(string input, string canonical)
    {
        Assert.True(DynamoNumber.TryParse(input, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(canonical, value.ToString());
        Assert.Equal(canonical, DynamoNumber.Parse(input).ToString());
        Assert.Equal(value, DynamoNumber.Parse(canonical));
        Assert.Equal(Oracle(canonical), Oracle(input));
    }

    [Fact]
    public void Limits_of_the_range_are_accepted()
    {
        var max = DynamoNumber.Parse(Max);
        Assert.Equal(126, max.ToString().Length);
        Assert.StartsWith(new string('9', 38) + "0", max.ToString());
        Assert.Equal(127, max.Negate().ToString().Length);
        Assert.True(DynamoNumber.Parse("1E-130") > DynamoNumber.Zero);
        Assert.True(DynamoNumber.Parse("-1E-130") < DynamoNumber.Zero);
        Assert.True(DynamoNumber.Parse("1E+125") < max);
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456789", DynamoNumber.DigitsMessage)]
    [InlineData("-123456789012345678901234567890123456789", DynamoNumber.DigitsMessage)]
    [InlineData("1.23456789012345678901234567890123456789", DynamoNumber.DigitsMessage)]
    [InlineData("0.000100000000000000000000000000000000000001", DynamoNumber.DigitsMessage)]
    [InlineData("1000000000000000000000000000000000000001", DynamoNumber.DigitsMessage)]
    [InlineData("1E+126", DynamoNumber.OverflowMessage)]
    [InlineData("-1E+126", DynamoNumber.OverflowMessage)]
    [InlineData("10E+125", DynamoNumber.OverflowMessage)]
    [InlineData("1E+99999999999999999999", DynamoNumber.OverflowMessage)]
    [InlineData("1E-131", DynamoNumber.UnderflowMessage)]
    [InlineData("-1E-131", DynamoNumber.UnderflowMessage)]
    [InlineData("0.1E-130", DynamoNumber.UnderflowMessage)]
    [InlineData("9.9999E-131", DynamoNumber.UnderflowMessage)]
    [InlineData("1E-99999999999999999999", DynamoNumber.UnderflowMessage)]
    [InlineData("", DynamoNumber.InvalidMessage)]
    [InlineData("abc", DynamoNumber.InvalidMessage)]
    [InlineData("1e", DynamoNumber.InvalidMessage)]
    [InlineData("1e+", DynamoNumber.InvalidMessage)]
    [InlineData("1e1.5", DynamoNumber.InvalidMessage)]
    [InlineData("1ee1", DynamoNumber.InvalidMessage)]
    [InlineData("--1", DynamoNumber.InvalidMessage)]
    [InlineData("+-1", DynamoNumber.InvalidMessage)]
    [InlineData("1-", DynamoNumber.InvalidMessage)]
    [InlineData("1.2.3", DynamoNumber.InvalidMessage)]
    [InlineData("1..2", DynamoNumber.InvalidMessage)]
    [InlineData(" 1", DynamoNumber.InvalidMessage)]
    [InlineData("1 ", DynamoNumber.InvalidMessage)]
    [InlineData("1\n", DynamoNumber.InvalidMessage)]
    [InlineData("+", DynamoNumber.InvalidMessage)]
    [InlineData("-", DynamoNumber.InvalidMessage)]
    [InlineData(".", DynamoNumber.InvalidMessage)]
    [InlineData("-.", DynamoNumber.InvalidMessage)]
    [InlineData(".e1", DynamoNumber.InvalidMessage)]
    [InlineData("e5", DynamoNumber.InvalidMessage)]
    [InlineData("0x10", DynamoNumber.InvalidMessage)]
    [InlineData("1,5", DynamoNumber.InvalidMessage)]
    [InlineData("1_000", DynamoNumber.InvalidMessage)]
    [InlineData("NaN", DynamoNumber.InvalidMessage)]
    [InlineData("Infinity", DynamoNumber.InvalidMessage)]
    [InlineData("-Infinity", DynamoNumber.InvalidMessage)]
    [InlineData("١٢", DynamoNumber.InvalidMessage)]
    public void Invalid_numbers_are_rejected_with_dynamodb_messages(string input, string message)
    {
        Assert.False(DynamoNumber.TryParse(input, out var value, out var error));
        Assert.Equal(message, error);
        Assert.Equal(DynamoNumber.Zero, value);
        Assert.Equal(message, Assert.Throws<FormatException>(() => DynamoNumber.Parse(input)).Message);
    }

    [Fact]
    public void Messages_are_dynamodbs()
    {
        Assert.Equal("A value provided cannot be converted into a number", DynamoNumber.InvalidMessage);
        Assert.Equal("Attempting to store more than 38 significant digits in a Number", DynamoNumber.DigitsMessage);
        Assert.Equal("Number overflow. Attempting to store a number with magnitude larger than supported range", DynamoNumber.OverflowMessage);
        Assert.Equal("Number underflow. Attempting to store a number with magnitude smaller than supported range", DynamoNumber.UnderflowMessage);
    }

    [Fact]
    public void Null_is_not_a_number()
    {
        Assert.False(DynamoNumber.TryParse(null, out _, out var error));
        Assert.Equal(DynamoNumber.InvalidMessage, error);
    }

    [Fact]
    public void Zero_is_one_value()
    {
        string[] zeros = ["0", "-0", "+0", "0.000", "-0.0", "0E5", "0E-200", ".0", "0.", "000"];
        foreach (var text in zeros)
        {
            var zero = DynamoNumber.Parse(text);
            Assert.True(zero.IsZero);
            Assert.False(zero.IsNegative);
            Assert.Equal(DynamoNumber.Zero, zero);
            Assert.Equal(default(DynamoNumber), zero);
            Assert.Equal(0, zero.CompareTo(DynamoNumber.Zero));
            Assert.Equal(DynamoNumber.Zero.GetHashCode(), zero.GetHashCode());
            Assert.Equal(DynamoNumber.Zero.ToSortableBytes(), zero.ToSortableBytes());
            Assert.Equal("0", zero.ToString());
            Assert.Equal(DynamoNumber.Zero, zero.Negate());
        }
        Assert.Equal("0", DynamoNumber.Zero.ToString());
        Assert.False(DynamoNumber.Parse("1E-130").IsZero);
    }

    [Fact]
    public void Comparison_is_by_value()
    {
        string[] ordered =
        [
            "-" + Max, "-1E+125", "-1.0000000000000000000000000000000000001E+100", "-1E+100", "-100", "-99.9", "-10", "-9.99",
            "-1.0000000000000000000000000000000000001", "-1", "-0.99", "-0.1", "-0.01", "-1.5E-130", "-1E-130",
            "0",
            "1E-130", "1.0000000000000000000000000000000000001E-130", "2E-130", "0.01", "0.0999", "0.1", "0.10001", "0.11", "0.2", "1",
            "1.0000000000000000000000000000000000001", "1.5", "9", "9.99", "10", "10.000001", "99.9", "100", "101", "110", "1E+125", Max,
        ];
        var numbers = new DynamoNumber[ordered.Length];
        for (var i = 0; i < ordered.Length; i++) numbers[i] = DynamoNumber.Parse(ordered[i]);
        for (var i = 0; i < ordered.Length; i++)
        {
            for (var j = 0; j < ordered.Length; j++)
            {
                var a = numbers[i];
                var b = numbers[j];
                var expected = i.CompareTo(j);
                Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
                Assert.Equal(expected == 0, a == b);
                Assert.Equal(expected != 0, a != b);
                Assert.Equal(expected == 0, a.Equals(b));
                Assert.Equal(expected == 0, a.Equals((object)b));
                Assert.Equal(expected < 0, a < b);
                Assert.Equal(expected > 0, a > b);
                Assert.Equal(expected <= 0, a <= b);
                Assert.Equal(expected >= 0, a >= b);
            }
        }
    }

    [Theory]
    [InlineData("2.50", "25E-1")]
    [InlineData("-0.0100", "-1e-2")]
    [InlineData("100", "1E2")]
    [InlineData("00123.4500", "1.2345E+2")]
    public void Equal_values_written_differently_are_equal_and_hash_alike(string a, string b)
    {
        var x = DynamoNumber.Parse(a);
        var y = DynamoNumber.Parse(b);
        Assert.Equal(x, y);
        Assert.True(x == y);
        Assert.Equal(0, x.CompareTo(y));
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
        Assert.Equal(x.ToSortableBytes(), y.ToSortableBytes());
        Assert.Single(new HashSet<DynamoNumber> { x, y });
        Assert.False(x.Equals("not a number"));
    }

    [Fact]
    public void Generated_numbers_parse_to_their_value_in_canonical_form()
    {
        var random = new Random(4242);
        for (var i = 0; i < 2000; i++)
        {
            var (text, exact) = RandomNumberText(random);
            var n = DynamoNumber.Parse(text);
            var canonical = n.ToString();
            Assert.Matches(CanonicalForm, canonical);
            Assert.NotEqual("-0", canonical);
            Assert.Equal(exact, Oracle(canonical));
            Assert.Equal(n, DynamoNumber.Parse(canonical));
            Assert.Equal(canonical, DynamoNumber.Parse(canonical).ToString());
            Assert.Equal(exact.Sign < 0, n.IsNegative);
            Assert.Equal(exact.IsZero, n.IsZero);
        }
    }

    [Fact]
    public void Sortable_bytes_agree_with_value_order_and_round_trip()
    {
        var random = new Random(1234);
        var numbers = GenerateNumbers(random, 600);
        Assert.True(numbers.Count >= 600);

        var sorted = new List<DynamoNumber>(numbers);
        sorted.Sort((a, b) => a.CompareTo(b));
        for (var i = 1; i < sorted.Count; i++)
        {
            var a = sorted[i - 1];
            var b = sorted[i];
            Assert.Equal(Math.Sign(Oracle(a).CompareTo(Oracle(b))), Math.Sign(a.CompareTo(b)));
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(a.ToSortableBytes().AsSpan().SequenceCompareTo(b.ToSortableBytes())));
        }
        for (var i = 0; i < 5000; i++)
        {
            var a = numbers[random.Next(numbers.Count)];
            var b = numbers[random.Next(numbers.Count)];
            var expected = Math.Sign(Oracle(a).CompareTo(Oracle(b)));
            Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
            Assert.Equal(expected, Math.Sign(a.ToSortableBytes().AsSpan().SequenceCompareTo(b.ToSortableBytes())));
        }
        foreach (var n in numbers)
        {
            var bytes = n.ToSortableBytes();
            Assert.Equal(n.GetSortableByteCount(), bytes.Length);
            var back = DynamoNumber.FromSortableBytes(bytes);
            Assert.Equal(n, back);
            Assert.Equal(n.ToString(), back.ToString());
        }
    }

    [Fact]
    public void Sortable_bytes_are_prefix_free_so_trailing_bytes_do_not_change_the_order()
    {
        var random = new Random(99);
        var numbers = GenerateNumbers(random, 300);
        var encodings = new List<byte[]>(numbers.Count);
        foreach (var n in numbers) encodings.Add(n.ToSortableBytes());
        for (var i = 0; i < numbers.Count; i++)
        {
            for (var j = 0; j < numbers.Count; j++)
            {
                if (numbers[i] == numbers[j]) continue;
                Assert.False(encodings[j].AsSpan().StartsWith(encodings[i]), $"{numbers[i]} is a prefix of {numbers[j]}");
            }
        }
        for (var i = 0; i < 3000; i++)
        {
            var x = random.Next(numbers.Count);
            var y = random.Next(numbers.Count);
            var a = Concat(encodings[x], [0xFF, 0xFF]);
            var b = Concat(encodings[y], [0x00]);
            // Equal numbers differ only in the tails, where 0xFF.. sorts after 0x00.
            var expected = Math.Sign(numbers[x].CompareTo(numbers[y]));
            if (expected == 0) expected = 1;
            Assert.Equal(expected, Math.Sign(a.AsSpan().SequenceCompareTo(b)));
        }
    }

    [Theory]
    [InlineData("0", new byte[] { 0x80 })]
    [InlineData("1", new byte[] { 0xC0, 130, 11, 0x00 })]
    [InlineData("12", new byte[] { 0xC0, 131, 13, 0x00 })]
    [InlineData("123", new byte[] { 0xC0, 132, 13, 31, 0x00 })]
    [InlineData("0.99", new byte[] { 0xC0, 129, 100, 0x00 })]
    [InlineData("1E-130", new byte[] { 0xC0, 0, 11, 0x00 })]
    [InlineData("1E+125", new byte[] { 0xC0, 255, 11, 0x00 })]
    [InlineData("-1", new byte[] { 0x40, 255 - 130, 255 - 11, 0xFF })]
    public void Sortable_bytes_have_the_documented_layout(string text, byte[] expected)
    {
        Assert.Equal(expected, DynamoNumber.Parse(text).ToSortableBytes());
        Assert.Equal(DynamoNumber.Parse(text), DynamoNumber.FromSortableBytes(expected));
    }

    [Fact]
    public void WriteSortable_writes_exactly_the_counted_bytes()
    {
        foreach (var text in new[] { "0", "1", "-1", "12", "-123", ThirtyEightDigits, "-" + ThirtyEightDigits, Max, "-1E-130" })
        {
            var n = DynamoNumber.Parse(text);
            var count = n.GetSortableByteCount();
            var buffer = new byte[count + 8];
            buffer.AsSpan().Fill(0xAA);
            n.WriteSortable(buffer.AsSpan(2));
            Assert.Equal(new byte[] { 0xAA, 0xAA }, buffer[..2]);
            Assert.Equal(n.ToSortableBytes(), buffer[2..(2 + count)]);
            Assert.All(buffer[(2 + count)..], b => Assert.Equal(0xAA, b));
        }
        Assert.Equal(22, DynamoNumber.Parse(ThirtyEightDigits).GetSortableByteCount());
        Assert.Throws<ArgumentException>(() => DynamoNumber.Parse("123").WriteSortable(new byte[4]));
    }

    [Fact]
    public void ReadSortable_stops_at_the_end_of_the_number()
    {
        foreach (var text in new[] { "0", "7", "-7", "1.5", "-123.456", ThirtyEightDigits })
        {
            var n = DynamoNumber.Parse(text);
            var encoded = n.ToSortableBytes();
            var withTail = Concat(encoded, [0x00, 0xFF, 0x42]);
            Assert.Equal(n, DynamoNumber.ReadSortable(withTail, out var read));
            Assert.Equal(encoded.Length, read);
            Assert.Throws<FormatException>(() => DynamoNumber.FromSortableBytes(withTail));
        }
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0xC1, 130, 11, 0x00 })]
    [InlineData(new byte[] { 0xC0 })]
    [InlineData(new byte[] { 0xC0, 130 })]
    [InlineData(new byte[] { 0xC0, 130, 11 })]
    [InlineData(new byte[] { 0xC0, 130, 0x00 })]
    [InlineData(new byte[] { 0xC0, 130, 101, 0x00 })]
    [InlineData(new byte[] { 0xC0, 130, 1, 11, 0x00 })]
    [InlineData(new byte[] { 0xC0, 130, 11, 1, 0x00 })]
    [InlineData(new byte[] { 0x40, 125, 244 })]
    [InlineData(new byte[] { 0xC0, 130, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 0x00 })]
    public void Malformed_sortable_bytes_are_rejected(byte[] bytes)
    {
        Assert.Throws<FormatException>(() => DynamoNumber.FromSortableBytes(bytes));
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("99999", "1", "100000")]
    [InlineData("9.99", "0.01", "10")]
    [InlineData("99999999999999999999999999999999999999", "1", "100000000000000000000000000000000000000")]
    [InlineData("5", "-5", "0")]
    [InlineData("-5", "5", "0")]
    [InlineData("1E-130", "-1E-130", "0")]
    [InlineData(ThirtyEightDigits, "-" + ThirtyEightDigits, "0")]
    [InlineData("-1.5", "0.25", "-1.25")]
    [InlineData("0.25", "-1.5", "-1.25")]
    [InlineData("-1", "-2", "-3")]
    [InlineData("-9.5", "-0.5", "-10")]
    [InlineData("1000", "-0.001", "999.999")]
    [InlineData("-1000", "0.001", "-999.999")]
    [InlineData("100", "-99.99", "0.01")]
    [InlineData("0", "-7", "-7")]
    [InlineData("7.5", "0", "7.5")]
    [InlineData("1E+20", "1E-17", "100000000000000000000.00000000000000001")]
    [InlineData("1E+125", "1E+125", "2" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1.0000000000000000000000000000000000001", "-1", "0.0000000000000000000000000000000000001")]
    public void Addition_is_exact(string a, string b, string sum)
    {
        var x = DynamoNumber.Parse(a);
        var y = DynamoNumber.Parse(b);
        Assert.True(DynamoNumber.TryAdd(x, y, out var result, out var error));
        Assert.Null(error);
        Assert.Equal(sum, result.ToString());
        Assert.Equal(DynamoNumber.Parse(sum), result);
        Assert.Equal(sum, DynamoNumber.Add(x, y).ToString());
        Assert.Equal(sum, DynamoNumber.Add(y, x).ToString());
        Assert.Equal(DynamoNumber.Parse(sum).Negate(), DynamoNumber.Add(x.Negate(), y.Negate()));
    }

    [Theory]
    [InlineData("1E+100", "1E-100", DynamoNumber.DigitsMessage)]
    [InlineData("99999999999999999999999999999999999999", "0.1", DynamoNumber.DigitsMessage)]
    [InlineData(ThirtyEightDigits, "0.5", DynamoNumber.DigitsMessage)]
    [InlineData("-" + ThirtyEightDigits, "-0.5", DynamoNumber.DigitsMessage)]
    [InlineData("1", "-1E-39", DynamoNumber.DigitsMessage)]
    [InlineData("9E+125", "9E+125", DynamoNumber.OverflowMessage)]
    [InlineData("-9E+125", "-9E+125", DynamoNumber.OverflowMessage)]
    [InlineData(Max, "1E+88", DynamoNumber.OverflowMessage)]
    [InlineData("1.00000000000000000000000000000000001E-110", "-1E-110", DynamoNumber.UnderflowMessage)]
    [InlineData("-2.5E-130", "2.4E-130", DynamoNumber.UnderflowMessage)]
    public void Addition_respects_the_limits(string a, string b, string message)
    {
        var x = DynamoNumber.Parse(a);
        var y = DynamoNumber.Parse(b);
        Assert.False(DynamoNumber.TryAdd(x, y, out var result, out var error));
        Assert.Equal(message, error);
        Assert.Equal(DynamoNumber.Zero, result);
        Assert.False(DynamoNumber.TryAdd(y, x, out _, out error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => DynamoNumber.Add(x, y)).Message);
    }

    [Fact]
    public void Addition_agrees_with_exact_integer_arithmetic()
    {
        var random = new Random(777);
        var numbers = GenerateNumbers(random, 400);
        var succeeded = 0;
        var failed = 0;
        for (var i = 0; i < 4000; i++)
        {
            var a = numbers[random.Next(numbers.Count)];
            // Most partners sit near a or -a, so that carries, borrows and cancellations happen often.
            var b = random.Next(3) switch
            {
                0 => numbers[random.Next(numbers.Count)],
                1 => Nearby(random, a),
                _ => Nearby(random, a).Negate(),
            };
            var exact = Oracle(a) + Oracle(b);
            var expectedError = ExpectedError(exact);
            var ok = DynamoNumber.TryAdd(a, b, out var sum, out var error);
            Assert.Equal(expectedError, error);
            Assert.Equal(expectedError is null, ok);
            if (ok)
            {
                Assert.Equal(exact, Oracle(sum));
                Assert.Matches(CanonicalForm, sum.ToString());
                Assert.Equal(sum, DynamoNumber.Parse(sum.ToString()));
                succeeded++;
            }
            else
            {
                failed++;
            }
        }
        Assert.True(succeeded > 1000, $"only {succeeded} sums were valid");
        Assert.True(failed > 100, $"only {failed} sums were invalid");
    }

    [Fact]
    public void Negate_flips_the_sign()
    {
        Assert.Equal("-1.5", DynamoNumber.Parse("1.5").Negate().ToString());
        Assert.Equal("1.5", DynamoNumber.Parse("-1.5").Negate().ToString());
        Assert.True(DynamoNumber.Parse("-1.5").Negate().Negate().IsNegative);
        Assert.Equal(DynamoNumber.Zero, DynamoNumber.Zero.Negate());
        Assert.Equal(DynamoNumber.Parse("-" + Max), DynamoNumber.Parse(Max).Negate());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(7L)]
    [InlineData(10L)]
    [InlineData(-120L)]
    [InlineData(1000000L)]
    [InlineData(1234567890123L)]
    [InlineData(1000000000000000000L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(long.MinValue + 1)]
    public void Integers_convert_both_ways(long v)
    {
        var text = v.ToString(CultureInfo.InvariantCulture);
        var n = DynamoNumber.FromInt64(v);
        Assert.Equal(text, n.ToString());
        Assert.Equal(DynamoNumber.Parse(text), n);
        Assert.True(n.TryToInt64(out var back));
        Assert.Equal(v, back);
        Assert.True(DynamoNumber.Parse(text).TryToInt64(out back));
        Assert.Equal(v, back);
    }

    [Fact]
    public void Random_integers_convert_both_ways()
    {
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var v = random.NextInt64(long.MinValue, long.MaxValue) / (long)Math.Pow(10, random.Next(0, 19));
            var n = DynamoNumber.FromInt64(v);
            Assert.Equal(v.ToString(CultureInfo.InvariantCulture), n.ToString());
            Assert.True(n.TryToInt64(out var back));
            Assert.Equal(v, back);
        }
    }

    [Theory]
    [InlineData("12E3", 12000L)]
    [InlineData("1.2E1", 12L)]
    [InlineData("-0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9.223372036854775807E+18", long.MaxValue)]
    [InlineData("1E+18", 1000000000000000000L)]
    public void Integral_numbers_fit_in_a_long(string text, long expected)
    {
        Assert.True(DynamoNumber.Parse(text).TryToInt64(out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.5")]
    [InlineData("1E-130")]
    [InlineData("12.000000000000000000000000000000001")]
    [InlineData("1E+19")]
    [InlineData("1E+30")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551615")]
    [InlineData("99999999999999999999")]
    [InlineData(Max)]
    public void Other_numbers_do_not_fit_in_a_long(string text)
    {
        Assert.False(DynamoNumber.Parse(text).TryToInt64(out _));
    }

    // ---- generation and the independent oracle ----

    /// <summary>A random valid number written in a random but equivalent way, and its exact value × 10^Scale.</summary>
    private static (string Text, BigInteger Exact) RandomNumberText(Random random)
    {
        var negative = random.Next(2) == 0;
        var zero = random.Next(20) == 0;
        var count = random.Next(3) == 0 ? random.Next(30, 39) : random.Next(1, 39);
        var digits = new StringBuilder();
        for (var i = 0; i < count; i++) digits.Append((char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(0, 10))));
        if (zero) digits.Clear().Append('0', count);
        // The value is digits × 10^place; its leading digit sits at place + count - 1, which must lie in [-130, 125].
        var place = random.Next(4) == 0
            ? random.Next(-130 - count + 1, 125 - count + 2)
            : random.Next(-count - 6, 6);
        var exact = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture) * BigInteger.Pow(10, place + Scale);
        if (negative) exact = -exact;

        // Write it with leading zeros, trailing zeros and a decimal point somewhere, compensating in the exponent.
        var trailing = random.Next(0, 4);
        var mantissa = new string('0', random.Next(0, 4)) + digits + new string('0', trailing);
        var exponent = place - trailing;
        if (random.Next(3) != 0)
        {
            var point = random.Next(0, mantissa.Length + 1);
            exponent += mantissa.Length - point;
            mantissa = mantissa[..point] + "." + mantissa[point..];
            if (mantissa == ".") mantissa = "0.";
        }
        var sign = negative ? "-" : random.Next(5) == 0 ? "+" : "";
        var text = exponent == 0 && random.Next(2) == 0
            ? sign + mantissa
            : sign + mantissa + (random.Next(2) == 0 ? "e" : "E") + (exponent >= 0 && random.Next(2) == 0 ? "+" : "") + exponent.ToString(CultureInfo.InvariantCulture);
        return (text, exact);
    }

    private static List<DynamoNumber> GenerateNumbers(Random random, int count)
    {
        var numbers = new List<DynamoNumber>
        {
            DynamoNumber.Zero,
            DynamoNumber.Parse(Max), DynamoNumber.Parse("-" + Max),
            DynamoNumber.Parse("1E-130"), DynamoNumber.Parse("-1E-130"),
            DynamoNumber.Parse("1"), DynamoNumber.Parse("-1"),
            DynamoNumber.Parse("1.0000000000000000000000000000000000001"), DynamoNumber.Parse("-1.0000000000000000000000000000000000001"),
            DynamoNumber.Parse("0.99999999999999999999999999999999999999"), DynamoNumber.Parse("-0.99999999999999999999999999999999999999"),
        };
        while (numbers.Count < count)
        {
            var n = DynamoNumber.Parse(RandomNumberText(random).Text);
            numbers.Add(n);
            // Neighbours that share a long prefix of digits are where an encoding is most likely to go wrong.
            if (random.Next(3) == 0) numbers.Add(Nearby(random, n));
        }
        return numbers;
    }

    private static DynamoNumber Nearby(Random random, DynamoNumber n)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var sign = random.Next(2) == 0 ? "-" : "";
            var step = random.Next(4) switch
            {
                0 => sign + random.Next(1, 100) + "E" + random.Next(-135, 125),
                1 => sign + "1E" + (ExponentOf(n) - random.Next(0, 45)),
                // Long runs of nines make long carry and borrow chains.
                2 => sign + new string('9', random.Next(1, 39)) + "E" + (ExponentOf(n) - random.Next(0, 45)),
                _ => n.Negate().ToString(),
            };
            if (DynamoNumber.TryParse(step, out var delta, out _) && DynamoNumber.TryAdd(n, delta, out var near, out _)) return near;
        }
        return n.Negate();
    }

    private static int ExponentOf(DynamoNumber n)
    {
        var digits = BigInteger.Abs(Oracle(n)).ToString(CultureInfo.InvariantCulture);
        return n.IsZero ? 0 : digits.Length - Scale - 1;
    }

    private static BigInteger Oracle(DynamoNumber n) => Oracle(n.ToString());

    /// <summary>The exact value × 10^Scale of a decimal string, computed without DynamoNumber.</summary>
    private static BigInteger Oracle(string text)
    {
        var negative = text.StartsWith('-');
        text = text.TrimStart('+', '-');
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        if (point >= 0)
        {
            exponent -= text.Length - point - 1;
            text = text.Remove(point, 1);
        }
        if (text.Length == 0) text = "0";
        var value = BigInteger.Parse(text, CultureInfo.InvariantCulture);
        var shift = exponent + Scale;
        value = shift >= 0 ? value * BigInteger.Pow(10, shift) : value / BigInteger.Pow(10, -shift);
        return negative ? -value : value;
    }

    private static string? ExpectedError(BigInteger exact)
    {
        if (exact.IsZero) return null;
        var digits = BigInteger.Abs(exact).ToString(CultureInfo.InvariantCulture);
        var significant = digits.TrimEnd('0').Length;
        var exponent = digits.Length - Scale; // value = 0.d1d2… × 10^exponent
        if (significant > 38) return DynamoNumber.DigitsMessage;
        if (exponent > 126) return DynamoNumber.OverflowMessage;
        if (exponent < -129) return DynamoNumber.UnderflowMessage;
        return null;
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }
}
