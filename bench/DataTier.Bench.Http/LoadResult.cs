using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataTier.Bench.Http;

/// <summary>The outcome of one measured run; latencies in milliseconds.</summary>
public sealed record LoadResult(LoadOptions Options, long Ops, double Seconds, double P50, double P99, double P999, long Errors)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public double OpsPerSecond => Ops / Seconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"label={Options.Label} op={Options.Mix} conc={Options.Concurrency} ops/s={OpsPerSecond:F0} p50={Ms(P50)}ms p99={Ms(P99)}ms p99.9={Ms(P999)}ms errors={Errors}");

    public string ToJson() => JsonSerializer.Serialize(new
    {
        time = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        label = Options.Label,
        url = Options.Url,
        op = Options.Mix,
        concurrency = Options.Concurrency,
        duration = Options.Duration,
        items = Options.Items,
        itemSize = Options.ItemSize,
        ops = Ops,
        opsPerSecond = Math.Round(OpsPerSecond, 1),
        p50Ms = P50,
        p99Ms = P99,
        p999Ms = P999,
        errors = Errors,
    }, JsonOptions);

    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.000" : ms < 100 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
