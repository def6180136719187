using DataTier.Bench.Common;
using Xunit;

namespace DataTier.Tests.Bench;

public sealed class CommandLineArgumentsTests
{
    [Fact]
    public void Options_and_their_values_are_read_in_order()
    {
        var a = new CommandLineArguments(["--items", "500", "--warmup", "1.5", "--distribution", "zipfian", "--load", "--label", "x"]);
        var read = new List<object>();
        while (a.MoveNext())
        {
            switch (a.Name)
            {
                case "--items": read.Add(a.WholeNumber(1)); break;
                case "--warmup": read.Add(a.Seconds(0)); break;
                case "--distribution": read.Add(a.Distribution()); break;
                case "--load": read.Add(true); break;
                case "--label": read.Add(a.Value()); break;
                default: throw a.Unknown();
            }
        }
        Assert.Equal([500, 1.5, KeyDistribution.Zipfian, true, "x"], read);
    }

    [Theory]
    [InlineData("--items", "0", "--items needs a whole number >= 1")]
    [InlineData("--items", "-3", "--items needs a whole number >= 1")]
    [InlineData("--duration", "0.05", "--duration needs a number of seconds >= 0.1")]
    [InlineData("--distribution", "normal", "--distribution must be uniform or zipfian, not normal")]
    public void A_bad_value_names_its_option(string name, string value, string message)
    {
        var a = new CommandLineArguments([name, value]);
        Assert.True(a.MoveNext());
        var e = Assert.Throws<ArgumentException>(() => name switch
        {
            "--items" => a.WholeNumber(1),
            "--duration" => a.Seconds(0.1),
            _ => (object)a.Distribution(),
        });
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_missing_value_and_an_unknown_option_are_refused()
    {
        var a = new CommandLineArguments(["--table"]);
        Assert.True(a.MoveNext());
        Assert.Equal("--table needs a value", Assert.Throws<ArgumentException>(() => a.Value()).Message);
        Assert.Equal("unknown option --table", a.Unknown().Message);
        Assert.False(a.MoveNext());
    }
}
