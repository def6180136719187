using DataTier.Silo.Telemetry;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class RequestIdGrainCallFilterTests
{
    [Fact]
    public async Task A_grain_call_made_for_a_request_runs_inside_its_log_scope()
    {
        var logger = new ScopeRecordingLogger<RequestIdGrainCallFilter>();
        var filter = new RequestIdGrainCallFilter(logger);
        List<string>? during = null;
        async Task Handle()
        {
            RequestLogScope.Begin(new ScopeRecordingLogger<RequestIdGrainCallFilterTests>(), "REQ1");
            Assert.Equal("REQ1", RequestContext.Get(RequestLogScope.Key));
            await filter.Invoke(FakeGrainCallContext.Create(() => during = logger.OpenScopes()));
        }
        await Handle();
        Assert.Equal(["AwsRequestId:REQ1"], during);
        Assert.Empty(logger.OpenScopes());
        Assert.Null(RequestContext.Get(RequestLogScope.Key));
    }

    [Fact]
    public async Task A_grain_call_outside_any_request_gets_no_scope()
    {
        var logger = new ScopeRecordingLogger<RequestIdGrainCallFilter>();
        List<string>? during = null;
        await new RequestIdGrainCallFilter(logger).Invoke(FakeGrainCallContext.Create(() => during = logger.OpenScopes()));
        Assert.Empty(during!);
    }

    [Fact]
    public void The_scope_state_names_the_request_id()
    {
        var state = new RequestIdScopeState("REQ2");
        Assert.Equal([new KeyValuePair<string, object?>("AwsRequestId", "REQ2")], state.ToList());
        Assert.Equal("AwsRequestId:REQ2", state.ToString());
    }
}
