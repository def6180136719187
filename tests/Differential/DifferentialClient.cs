using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential;

/// <summary>
/// Sends one raw JSON 1.0 request, byte for byte the same, to the project's endpoint and to dynalite.
/// The project does not check signatures; dynalite wants an Authorization header shaped like SigV4 and a
/// date, so every request carries a fixed one.
/// </summary>
public sealed class DifferentialClient(string projectUrl, string dynaliteUrl) : IDisposable
{
    public const string TargetPrefix = "DynamoDB_20120810.";

    private const string Authorization =
        "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Both answers to the same request; <paramref name="target"/> is the whole X-Amz-Target (null: no header).</summary>
    public async Task<(PeerResponse Project, PeerResponse Dynalite)> SendAsync(string? target, byte[] body, string contentType = "application/x-amz-json-1.0")
    {
        var project = SendAsync(projectUrl, target, body, contentType);
        var dynalite = SendAsync(dynaliteUrl, target, body, contentType);
        return (await project, await dynalite);
    }

    /// <summary>The project's answer alone, for requests dynalite cannot survive.</summary>
    public Task<PeerResponse> SendToProjectAsync(string? target, byte[] body, string contentType) => SendAsync(projectUrl, target, body, contentType);

    /// <summary>
    /// dynalite answers CreateTable and UpdateTable with CREATING or UPDATING and turns the table ACTIVE
    /// a moment later; requests in between would fail there. This waits for it by asking DescribeTable.
    /// </summary>
    public async Task WaitUntilActiveOnDynaliteAsync(PeerResponse answer)
    {
        if (answer.Body?["TableDescription"]?["TableName"]?.GetValue<string>() is not { } table) return;
        var body = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { TableName = table }));
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var described = await SendAsync(dynaliteUrl, TargetPrefix + "DescribeTable", body, "application/x-amz-json-1.0");
            if (described.Body?["Table"]?["TableStatus"]?.GetValue<string>() == "ACTIVE") return;
        }
        throw new InvalidOperationException($"dynalite did not make {table} ACTIVE.");
    }

    public async Task<PeerResponse> SendAsync(string url, string? target, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (HttpRequestException e) when (url == dynaliteUrl)
        {
            throw new InvalidOperationException($"dynalite at {url} did not answer; an earlier request may have crashed it (list such cases with dynaliteCrashes).", e);
        }
        using var _ = response;
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        JsonNode? json = null;
        try
        {
            if (raw.Length > 0) json = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            // not JSON: compared as raw text
        }
        return new PeerResponse(response.StatusCode, raw, json);
    }

    public void Dispose() => _http.Dispose();
}
