using System.Net;
using System.Text;
using System.Text.Json;
using DataTier.Tests.Processes;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Deploy;

/// <summary>
/// A silo process started with the embedded overlay's ConfigMap as its environment, as in a pod (but on
/// loopback and on ports of its own): it answers the probe paths, and logs JSON lines in which each
/// DynamoDB request's lines carry the id the client got in <c>x-amzn-RequestId</c>.
/// </summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "datatier-deploy-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _silo = new SiloProcess(_dataDirectory);
        foreach (var (name, value) in new RenderedOverlay("embedded").Settings)
        {
            if (name.EndsWith("Port", StringComparison.Ordinal)) continue; // the test's own ports come as arguments
            _silo.ExtraEnvironment[name] = value.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        }
        _silo.ExtraEnvironment["Logging__LogLevel__DataTier.Silo.Telemetry"] = "Debug";
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (_silo.IsRunning) await _silo.StopAsync();
        }
        finally
        {
            _silo.Dispose();
            SiloFixture.DeleteDirectory(_dataDirectory);
        }
    }

    [Fact]
    public async Task The_silo_answers_the_probe_paths_and_each_requests_log_lines_carry_its_request_id()
    {
        var live = await _http.GetAsync(_silo.AdminUrl + ProbePaths.Liveness);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await WaitUntilReadyAsync();

        var (listStatus, listId) = await SendAsync("ListTables", "{}");
        var (describeStatus, describeId) = await SendAsync("DescribeTable", """{"TableName":"NoSuchTable"}""");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(HttpStatusCode.BadRequest, describeStatus);
        Assert.NotEqual(listId, describeId);

        var listLines = await LinesCarryingAsync(listId);
        var describeLines = await LinesCarryingAsync(describeId);
        Assert.Contains(listLines, l => l.GetProperty("Message").GetString()!.StartsWith("ListTables", StringComparison.Ordinal));
        Assert.Contains(describeLines, l => l.GetProperty("Message").GetString()!.Contains("ResourceNotFoundException", StringComparison.Ordinal));
        Assert.All(listLines, l => Assert.DoesNotContain(describeId, l.GetRawText(), StringComparison.Ordinal));
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var ready = await _http.GetAsync(_silo.AdminUrl + ProbePaths.Readiness);
            if (ready.StatusCode == HttpStatusCode.OK) return;
            Assert.True(DateTime.UtcNow < deadline, $"{ProbePaths.Readiness} answered {ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    private async Task<(HttpStatusCode Status, string RequestId)> SendAsync(string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _silo.EndpointUrl + "/")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810." + operation);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, response.Headers.GetValues("x-amzn-RequestId").Single());
    }

    /// <summary>The JSON log lines whose scopes hold this request id (waiting a little for the output to arrive).</summary>
    private async Task<List<JsonElement>> LinesCarryingAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = _silo.Output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith('{') && l.Contains(requestId, StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .Where(l => l.TryGetProperty("Scopes", out var scopes) && scopes.EnumerateArray().Any(s =>
                    s.ValueKind == JsonValueKind.Object && s.TryGetProperty("AwsRequestId", out var id) && id.GetString() == requestId))
                .ToList();
            if (lines.Count > 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(lines.Count > 0, $"no JSON log line carries AwsRequestId {requestId}:\n{_silo.Output}");
                return lines;
            }
            await Task.Delay(100);
        }
    }
}
