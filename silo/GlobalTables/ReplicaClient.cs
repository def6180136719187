using System.Net.Http.Headers;
using System.Text.Json;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Talks to the other regions' clusters (<c>GlobalTables:Regions</c>) over their DynamoDB endpoints, with the
/// replication targets (<see cref="ReplicationOperations"/>), signed with <c>GlobalTables:AccessKeyId</c> when set.
/// A peer's DynamoDB error comes back as the same <see cref="DynamoException"/>.
/// </summary>
public sealed class ReplicaClient(IOptions<GlobalTablesOptions> options, TimeProvider time) : IReplicaTransport, IDisposable
{
    public const string TargetPrefix = "DataTierReplication_20261128.";
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public string LocalRegion => options.Value.Region;

    public bool Knows(string region) => options.Value.Regions.ContainsKey(region);

    public Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default) =>
        PostAsync(region, "ApplyWrites", w =>
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
        }, cancellationToken);

    /// <summary>Asks <paramref name="region"/> to create its replica of <paramref name="source"/>, in a group of <paramref name="group"/> (all regions, this one included).</summary>
    public Task CreateReplicaAsync(string region, TableDescription source, IReadOnlyList<string> group) =>
        PostAsync(region, "CreateReplica", w =>
        {
            w.WriteString("TableName", source.Name);
            w.WritePropertyName("Table");
            JsonSerializer.Serialize(w, source);
            WriteGroup(w, group);
        });

    /// <summary>Tells <paramref name="region"/> which regions hold the table now (it drops those missing and starts sending to new ones).</summary>
    public Task UpdateGroupAsync(string region, string table, IReadOnlyList<string> group) =>
        PostAsync(region, "UpdateReplicaGroup", w =>
        {
            w.WriteString("TableName", table);
            WriteGroup(w, group);
        });

    /// <summary>Asks <paramref name="region"/> to delete its replica of the table.</summary>
    public Task DeleteReplicaAsync(string region, string table) => PostAsync(region, "DeleteReplica", w => w.WriteString("TableName", table));

    /// <summary>Asks <paramref name="region"/> to make a change of the table's settings made here (the request as it came, less its ReplicaUpdates).</summary>
    public Task ForwardAsync(string region, string operation, JsonElement request) =>
        PostAsync(region, "Forward" + operation, w =>
        {
            foreach (var member in request.EnumerateObject())
                if (member.Name != "ReplicaUpdates") member.WriteTo(w);
        });

    private static void WriteGroup(Utf8JsonWriter w, IReadOnlyList<string> group)
    {
        w.WriteStartArray("Regions");
        foreach (var region in group) w.WriteStringValue(region);
        w.WriteEndArray();
    }

    private async Task PostAsync(string region, string operation, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Regions.TryGetValue(region, out var url))
            throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            writeBody(w);
            w.WriteEndObject();
        }
        var body = buffer.WrittenSpan.ToArray();
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
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            throw PeerError(region, await response.Content.ReadAsByteArrayAsync(cancellationToken));
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
