namespace DataTier.Silo.Telemetry;

/// <summary>
/// Opens the request's log scope around a grain call made on behalf of a DynamoDB API request (the id
/// travels in Orleans' request context), so lines the grains log carry the request id too.
/// </summary>
public sealed class RequestIdGrainCallFilter(ILogger<RequestIdGrainCallFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) =>
        RequestContext.Get(RequestLogScope.Key) is string requestId ? InvokeInScope(context, requestId) : context.Invoke();

    private async Task InvokeInScope(IIncomingGrainCallContext context, string requestId)
    {
        using var scope = logger.BeginScope(new RequestIdScopeState(requestId));
        await context.Invoke();
    }
}
