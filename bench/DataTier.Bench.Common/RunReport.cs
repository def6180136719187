using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataTier.Bench.Common;

/// <summary>
/// One measured run as the load tools print it: a <c>key=value</c> line that bench/run.sh parses,
/// and a JSON line for bench/results/. <see cref="Rate"/> is the rate offered in all (requests a
/// second, <see cref="FixedRate"/>), or 0 for a closed loop; <see cref="Wakeups"/> what a
/// <see cref="WakeupProbe"/> saw during the run, if one ran.
/// </summary>
public sealed record RunReport(string Label, string Target, string Op, KeyDistribution Distribution, int Concurrency,
    double Duration, int Items, int ItemSize, Measurement Measurement, int Rate = 0, WakeupProbe.Result? Wakeups = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Dist => Distribution.ToString().ToLowerInvariant();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"label={Label} op={Op} dist={Dist} conc={Concurrency} ops/s={Measurement.OpsPerSecond:F0} p50={Ms(Measurement.P50)}ms p99={Ms(Measurement.P99)}ms p99.9={Ms(Measurement.P999)}ms errors={Measurement.Errors}{(Rate > 0 ? $" rate={Rate}" : "")}{(Wakeups is { } w ? $" wake_p50={Ms(w.P50Millis)}ms wake_p99={Ms(w.P99Millis)}ms" : "")}");

    public string ToJson() => JsonSerializer.Serialize(new
    {
        time = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        label = Label,
        url = Target,
        op = Op,
        distribution = Dist,
        concurrency = Concurrency,
        offeredRate = Rate,
        duration = Duration,
        items = Items,
        itemSize = ItemSize,
        ops = Measurement.Ops,
        opsPerSecond = Math.Round(Measurement.OpsPerSecond, 1),
        p50Ms = Measurement.P50,
        p99Ms = Measurement.P99,
        p999Ms = Measurement.P999,
        errors = Measurement.Errors,
        wakeupP50Ms = Wakeups?.P50Millis,
        wakeupP99Ms = Wakeups?.P99Millis,
        wakeupP999Ms = Wakeups?.P999Millis,
    }, JsonOptions);

    /// <summary>Prints the line, the first error on stderr, and appends the JSON line to <paramref name="jsonFile"/> if given.</summary>
    public async Task WriteAsync(string? jsonFile)
    {
        Console.WriteLine(this);
        if (Measurement.FirstError is { } error) Console.Error.WriteLine($"first error: {(error.Length > 500 ? error[..500] : error)}");
        if (jsonFile is not null) await File.AppendAllTextAsync(jsonFile, ToJson() + Environment.NewLine);
    }

    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 100 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
