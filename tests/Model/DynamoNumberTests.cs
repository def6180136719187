using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Model;

public class DynamoNumberTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("-0", "0")]
    [InlineData("+0.000", "0")]
    [InlineData("0E-200", "0")]
    [InlineData("1E+2", "100")]
    [InlineData("100", "100")]
    [InlineData("1.0", "1")]
    [InlineData("0012.3400", "12.34")]
    [InlineData("1e-3", "0.001")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("-12.5e1", "-125")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    [InlineData("000123456789012345678901234567890123456780000", "123456789012345678901234567890123456780000")]
    [InlineData("1E-130", "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("-1E-130", "-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001")]
    public void Parses_to_canonical_form(string input, string canonical)
    {
        Assert.Equal(canonical, DynamoNumber.Parse(input).ToString());
        Assert.Equal(DynamoNumber.Parse(input), DynamoNumber.Parse(canonical));
    }

    [Fact]
    public void Limits_of_the_range_are_accepted()
    {
        Assert.Equal("9.9999999999999999999999999999999999999E+125", "9.9999999999999999999999999999999999999E+125");
        var max = DynamoNumber.Parse("9.9999999999999999999999999999999999999E+125");
        Assert.Equal(126, max.ToString().Length);
        Assert.Equal("1" + new string('0', 125), DynamoNumber.Parse("1E+125").ToString());
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456789", DynamoNumber.DigitsMessage)]
    [InlineData("1.23456789012345678901234567890123456789", DynamoNumber.DigitsMessage)]
    [InlineData("1E+126", DynamoNumber.OverflowMessage)]
    [InlineData("-1E+126", DynamoNumber.OverflowMessage)]
    [InlineData("10E+125", DynamoNumber.OverflowMessage)]
    [InlineData("1E-131", DynamoNumber.UnderflowMessage)]
    [InlineData("0.1E-130", DynamoNumber.UnderflowMessage)]
    [InlineData("", DynamoNumber.InvalidMessage)]
    [InlineData("abc", DynamoNumber.InvalidMessage)]
    [InlineData("1e", DynamoNumber.InvalidMessage)]
    [InlineData("--1", DynamoNumber.InvalidMessage)]
    [InlineData("1.2.3", DynamoNumber.InvalidMessage)]
    [InlineData(" 1", DynamoNumber.InvalidMessage)]
    [InlineData("1 ", DynamoNumber.InvalidMessage)]
    [InlineData("+", DynamoNumber.InvalidMessage)]
    [InlineData(".", DynamoNumber.InvalidMessage)]
    [InlineData("e5", DynamoNumber.InvalidMessage)]
    [InlineData("0x10", DynamoNumber.InvalidMessage)]
    [InlineData("NaN", DynamoNumber.InvalidMessage)]
    [InlineData("Infinity", DynamoNumber.InvalidMessage)]
    public void Invalid_numbers_are_rejected_with_dynamodb_messages(string input, string message)
    {
        Assert.False(DynamoNumber.TryParse(input, out _, out var error));
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => DynamoNumber.Parse(input)).Message);
    }

    [Fact]
    public void Comparison_is_by_value()
    {
        string[] ordered = ["-1E+125", "-100", "-99.9", "-1", "-0.01", "-1E-130", "0", "1E-130", "0.01", "0.1", "0.10001", "1", "9", "10", "99.9", "100", "1E+125"];
        for (var i = 0; i < ordered.Length; i++)
            for (var j = 0; j < ordered.Length; j++)
                Assert.Equal(i.CompareTo(j), Math.Sign(DynamoNumber.Parse(ordered[i]).CompareTo(DynamoNumber.Parse(ordered[j]))));
        Assert.True(DynamoNumber.Parse("-0") == DynamoNumber.Parse("0.0"));
        Assert.Equal(DynamoNumber.Parse("2.50").GetHashCode(), DynamoNumber.Parse("25E-1").GetHashCode());
    }

    [Fact]
    public void Sortable_bytes_agree_with_value_order_and_round_trip()
    {
        var random = new Random(1234);
        var numbers = new List<DynamoNumber> { DynamoNumber.Zero };
        for (var i = 0; i < 600; i++)
        {
            var digits = random.Next(1, 39);
            var text = string.Concat(Enumerable.Range(0, digits).Select(d => (char)('0' + (d == 0 ? random.Next(1, 10) : random.Next(0, 10)))));
            var exponent = random.Next(-129, 126 - digits + 1);
            if (random.Next(4) == 0) exponent = random.Next(-3, 3);
            var n = DynamoNumber.Parse((random.Next(2) == 0 ? "-" : "") + text + "E" + exponent);
            numbers.Add(n);
            if (random.Next(5) == 0 && DynamoNumber.TryAdd(n, DynamoNumber.FromInt64(1), out var next, out _)) numbers.Add(next);
        }
        var sorted = numbers.OrderBy(n => n).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var c = sorted[i - 1].ToSortableBytes().AsSpan().SequenceCompareTo(sorted[i].ToSortableBytes());
            Assert.Equal(Math.Sign(sorted[i - 1].CompareTo(sorted[i])), Math.Sign(c));
        }
        for (var i = 0; i < 2000; i++)
        {
            var a = numbers[random.Next(numbers.Count)];
            var b = numbers[random.Next(numbers.Count)];
            Assert.Equal(Math.Sign(a.CompareTo(b)), Math.Sign(a.ToSortableBytes().AsSpan().SequenceCompareTo(b.ToSortableBytes())));
        }
        foreach (var n in numbers)
        {
            Assert.Equal(n, DynamoNumber.FromSortableBytes(n.ToSortableBytes()));
            Assert.Equal(n.ToString(), DynamoNumber.FromSortableBytes(n.ToSortableBytes()).ToString());
        }
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("99999", "1", "100000")]
    [InlineData("5", "-5", "0")]
    [InlineData("-1.5", "0.25", "-1.25")]
    [InlineData("1E+20", "1E-17", "100000000000000000000.00000000000000001")]
    public void Addition_is_exact(string a, string b, string sum)
    {
        Assert.Equal(sum, DynamoNumber.Add(DynamoNumber.Parse(a), DynamoNumber.Parse(b)).ToString());
    }

    [Fact]
    public void Addition_respects_the_limits()
    {
        Assert.False(DynamoNumber.TryAdd(DynamoNumber.Parse("1E+100"), DynamoNumber.Parse("1E-100"), out _, out var error));
        Assert.Equal(DynamoNumber.DigitsMessage, error);
        Assert.False(DynamoNumber.TryAdd(DynamoNumber.Parse("9E+125"), DynamoNumber.Parse("9E+125"), out _, out error));
        Assert.Equal(DynamoNumber.OverflowMessage, error);
    }

    [Fact]
    public void Integers_convert_both_ways()
    {
        Assert.Equal("-9223372036854775808", DynamoNumber.FromInt64(long.MinValue).ToString());
        Assert.True(DynamoNumber.Parse("12E3").TryToInt64(out var v));
        Assert.Equal(12000, v);
        Assert.False(DynamoNumber.Parse("1.5").TryToInt64(out _));
        Assert.False(DynamoNumber.Parse("1E+30").TryToInt64(out _));
    }
}
