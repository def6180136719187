using System.Globalization;

namespace DataTier.Bench.Http;

public sealed record LoadResult(string Label, string Op, int Concurrency, double OpsPerSecond, double P50, double P99, double P999, long Errors)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"label={Label} op={Op} conc={Concurrency} ops/s={OpsPerSecond:F0} p50={P50:F2}ms p99={P99:F2}ms p99.9={P999:F2}ms errors={Errors}");

    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"label":"{{Label}}","op":"{{Op}}","concurrency":{{Concurrency}},"ops":{{OpsPerSecond:F1}},"p50":{{P50}},"p99":{{P99}},"p999":{{P999}},"errors":{{Errors}}}""");
}
