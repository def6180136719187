using System.Diagnostics.Metrics;

namespace DataTier.Silo.Telemetry;

/// <summary>The DynamoDB endpoint's instruments (meter <c>DataTier</c>), exported at <c>/metrics</c> on the admin port.</summary>
public sealed class EndpointMetrics
{
    public const string MeterName = "DataTier";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;

    public EndpointMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("datatier.requests", description: "DynamoDB API requests by operation, table and outcome");
        _latency = meter.CreateHistogram<double>("datatier.request.duration", unit: "ms", description: "DynamoDB API request latency");
    }

    /// <summary>Outcome is "ok" or the DynamoDB error type (ConditionalCheckFailedException, ValidationException, ...).</summary>
    public void Record(string operation, string? table, string outcome, double milliseconds)
    {
        var tags = new System.Diagnostics.TagList { { "operation", operation }, { "table", table ?? "" }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _latency.Record(milliseconds, new KeyValuePair<string, object?>("operation", operation));
    }
}
