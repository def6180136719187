using System.Net.Http.Headers;
using System.Text.Json;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Silo.DynamoDb;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Talks to the other regions' clusters (<c>GlobalTables:Regions</c>) over their DynamoDB endpoints, with the
/// replication targets (<see cref="ReplicationOperations"/>), signed with <c>GlobalTables:AccessKeyId</c> when set.
/// A peer's DynamoDB error comes back as the same <see cref="DynamoException"/>. The messages of replica groups and
/// settings go through each region's <see cref="IReplicaOutboxGrain"/>, which keeps them until the region took them.
/// </summary>
public sealed class ReplicaClient(IOptions<GlobalTablesOptions> options, TimeProvider time) : IReplicaTransport, IDisposable
{
    public const string TargetPrefix = "DataTierReplication_20261128.";
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public string LocalRegion => options.Value.Region;

    public bool Knows(string region) => options.Value.Regions.ContainsKey(region);

    public Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default) =>
        SendAsync(region, "ApplyWrites", ReplicationMessages.Body(w =>
        {
            w.WriteString("TableName", table);
            w.WriteStartArray("Writes");
            foreach (var write in writes)
            {
                w.WriteStartObject();
                w.WritePropertyName("Keys");
                AttributeValueJson.WriteMap(w, write.Keys);
                if (write.Item is not null)
                {
                    w.WritePropertyName("Item");
                    AttributeValueJson.WriteMap(w, write.Item);
                }
                w.WriteNumber("Time", write.Time);
                w.WriteString("Region", write.Region);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }), cancellationToken);

    public async Task SendAsync(string region, string operation, byte[] body, CancellationToken cancellationToken = default) =>
        await RequestAsync(region, operation, body, cancellationToken);

    /// <summary>Posts <paramref name="body"/> to the replication target <paramref name="operation"/> of <paramref name="region"/>, and gives its answer.</summary>
    public async Task<byte[]> RequestAsync(string region, string operation, byte[] body, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Regions.TryGetValue(region, out var url))
            throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(url), "/")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        if (options.Value.AccessKeyId is { Length: > 0 } keyId)
            RequestSigner.Sign(request, body, keyId, options.Value.SecretAccessKey!, region, time.GetUtcNow());
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DynamoException(DynamoErrorCode.InternalServerError, $"Region {region} could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DynamoException(DynamoErrorCode.InternalServerError, $"Region {region} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
        using (response)
        {
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode ? answer : throw PeerError(region, answer);
        }
    }

    /// <summary>A peer's DynamoDB error as this region's: same type and message.</summary>
    private static DynamoException PeerError(string region, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? "" : "";
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : root.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
            if (Enum.TryParse<DynamoErrorCode>(type[(type.LastIndexOf('#') + 1)..], out var code))
                return new DynamoException(code, message ?? "");
        }
        catch (JsonException)
        {
        }
        return new DynamoException(DynamoErrorCode.InternalServerError, $"Region {region} failed the request");
    }

    public void Dispose() => _http.Dispose();
}
