using System.Diagnostics.Metrics;

namespace DataTier.Silo.Telemetry;

/// <summary>
/// The DynamoDB endpoint's instruments (meter <c>DataTier</c>), exported at <c>/metrics</c> on the admin
/// port, and a Debug-level log line per request (category <c>DataTier.Silo.Telemetry.EndpointMetrics</c>),
/// written inside the request's log scope.
/// </summary>
public sealed partial class EndpointMetrics
{
    public const string MeterName = "DataTier";
    private const string ConditionalCheckFailed = "ConditionalCheckFailedException";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _conditionalCheckFailures;
    private readonly ILogger<EndpointMetrics> _logger;

    public EndpointMetrics(IMeterFactory meters, ILogger<EndpointMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("datatier.requests", description: "DynamoDB API requests by operation, table and outcome");
        _latency = meter.CreateHistogram<double>("datatier.request.duration", unit: "ms", description: "DynamoDB API request latency");
        _conditionalCheckFailures = meter.CreateCounter<long>("datatier.conditional_check.failures",
            description: "PutItem, UpdateItem and DeleteItem requests refused with ConditionalCheckFailedException, by table");
        _logger = logger;
    }

    /// <summary>Outcome is "ok" or the DynamoDB error type (ConditionalCheckFailedException, ValidationException, ...).</summary>
    public void Record(string operation, string? table, string outcome, double milliseconds)
    {
        var tags = new System.Diagnostics.TagList { { "operation", operation }, { "table", table ?? "" }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _latency.Record(milliseconds, new KeyValuePair<string, object?>("operation", operation));
        if (outcome == ConditionalCheckFailed) _conditionalCheckFailures.Add(1, new KeyValuePair<string, object?>("table", table ?? ""));
        LogRequest(_logger, operation, table ?? "", outcome, milliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Operation} {Table}: {Outcome} in {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string operation, string table, string outcome, double milliseconds);
}
