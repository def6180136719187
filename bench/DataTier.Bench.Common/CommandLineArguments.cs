using System.Globalization;

namespace DataTier.Bench.Common;

/// <summary>
/// Reads a benchmark tool's <c>--name value</c> arguments in order, with the checks and messages the
/// tools share: <c>while (a.MoveNext()) switch (a.Name) { case "--items": o.Items = a.WholeNumber(1); ... }</c>.
/// </summary>
public sealed class CommandLineArguments(string[] args)
{
    private int _next;

    /// <summary>The option being read.</summary>
    public string Name { get; private set; } = "";

    public bool MoveNext()
    {
        if (_next >= args.Length) return false;
        Name = args[_next++];
        return true;
    }

    public string Value() => _next < args.Length ? args[_next++] : throw new ArgumentException($"{Name} needs a value");

    public int WholeNumber(int min) =>
        int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ArgumentException($"{Name} needs a whole number >= {min}");

    public double Seconds(double min) =>
        double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ArgumentException($"{Name} needs a number of seconds >= {min}");

    public KeyDistribution Distribution() => Value() switch
    {
        "uniform" => KeyDistribution.Uniform,
        "zipfian" => KeyDistribution.Zipfian,
        var d => throw new ArgumentException($"{Name} must be uniform or zipfian, not {d}"),
    };

    public ArgumentException Unknown() => new($"unknown option {Name}");
}
