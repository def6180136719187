using System.Net;
using Xunit;

namespace DataTier.Tests.Wire;

/// <summary>The admin port of a real silo process: health, readiness and the Orleans dashboard, apart from the data endpoint.</summary>
[Collection("wire")]
public class AdminEndpointTests(SiloFixture fixture)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Health_and_readiness_answer_on_the_admin_port()
    {
        var health = await Http.GetAsync(fixture.Silo.AdminUrl + "/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var ready = await Http.GetAsync(fixture.Silo.AdminUrl + "/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_is_served_on_the_admin_port_only()
    {
        var dashboard = await Http.GetAsync(fixture.Silo.AdminUrl + "/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<html", (await dashboard.Content.ReadAsStringAsync()).ToLowerInvariant());

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(fixture.EndpointUrl + "/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync(fixture.Silo.AdminUrl + "/", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task Prometheus_metrics_count_requests_by_operation_and_outcome()
    {
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => fixture.Client.DescribeTableAsync("metrics-missing-table"));
        string text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains("metrics-missing-table"); attempt++)
        {
            var response = await Http.GetAsync(fixture.Silo.AdminUrl + "/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (!text.Contains("metrics-missing-table")) await Task.Delay(100);
        }
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("datatier_requests") && l.Contains("metrics-missing-table"));
        Assert.NotNull(line);
        Assert.Contains("operation=\"DescribeTable\"", line);
        Assert.Contains("outcome=\"ResourceNotFoundException\"", line);
        Assert.Contains("datatier_request_duration", text);
    }
}
