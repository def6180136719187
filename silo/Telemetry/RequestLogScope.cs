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

    public static IDisposable Begin(ILogger logger, string requestId)
    {
        RequestContext.Set(Key, requestId);
        return new Scope(logger.BeginScope(new RequestIdScopeState(requestId)));
    }

    private sealed class Scope(IDisposable? inner) : IDisposable
    {
        public void Dispose()
        {
            inner?.Dispose();
            RequestContext.Remove(Key);
        }
    }
}
