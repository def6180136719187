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
}
