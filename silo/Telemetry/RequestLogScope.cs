namespace DataTier.Silo.Telemetry;

/// <summary>
/// The log scope of one DynamoDB API request: every line logged while it is handled carries its
/// <c>x-amzn-RequestId</c> as <c>AwsRequestId</c>, in the endpoint and, through Orleans' request
/// context and <see cref="RequestIdGrainCallFilter"/>, in the grains it calls on any silo. (ASP.NET
/// Core's own request scope already has a <c>RequestId</c>, its connection-based trace identifier,
/// hence the distinct name.)
/// </summary>
public static class RequestLogScope
{
    public const string Key = "AwsRequestId";

    /// <summary>
    /// Opens the request's scope for the rest of the calling async method. It is not closed: what an async method
    /// sets in its execution context (a log scope, Orleans' request context) never reaches its caller, so the
    /// scope ends with the request's handler, and closing it would cost two more changes of the context (and their
    /// allocations) on every request.
    /// </summary>
    public static void Begin(ILogger logger, string requestId)
    {
        RequestContext.Set(Key, requestId);
        logger.BeginScope(new RequestIdScopeState(requestId));
    }
}
