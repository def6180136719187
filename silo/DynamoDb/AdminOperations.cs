using System.Text.Json;
using DataTier.Client;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>UpdateTable, tags, DescribeLimits and DescribeEndpoints over JSON.</summary>
public sealed class AdminOperations(ITableClient tables, GlobalTables.ReplicaGroup replicaGroup)
{
    // DynamoDB's default account and table quotas, reported as they are: only each table's own units are enforced.
    private const long AccountMaxCapacityUnits = 80_000;
    private const long TableMaxCapacityUnits = 40_000;

    public Task UpdateTable(ApiRequest r, Utf8JsonWriter w) => UpdateTable(r, w, forward: true);

    /// <summary>
    /// UpdateTable; on a global table, a change of the table itself (indexes, billing, throughput) is then made in every
    /// other region too, as DynamoDB's global tables do, unless <paramref name="forward"/> is false (it came from one).
    /// </summary>
    public async Task UpdateTable(ApiRequest r, Utf8JsonWriter w, bool forward)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var billing = r.Enum<BillingMode>("BillingMode", "billingMode");
        var throughput = ThroughputJson.Read(r);
        var stream = StreamSpecificationJson.Read(r);
        var (indexUpdates, definitions) = IndexUpdatesJson.Read(r);
        var replicaUpdates = ReadReplicaUpdates(r);
        var protection = r.Bool("DeletionProtectionEnabled");
        var tableClass = r.Enum<TableClass>("TableClass", "tableClass");
        var onDemand = CapacitySettingsJson.ReadOnDemand(r);
        var warm = CapacitySettingsJson.ReadWarm(r);
        r.ThrowIfInvalid();
        if (throughput is not null && billing != BillingMode.PROVISIONED
            && (billing == BillingMode.PAY_PER_REQUEST || (await tables.DescribeTableAsync(name!)).BillingMode == BillingMode.PAY_PER_REQUEST))
            throw Errors.DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        var changesTable = billing is not null || throughput is not null || stream is not null || indexUpdates is not null || tableClass is not null
            || onDemand is not null || warm is not null;
        var description = changesTable || protection is not null || replicaUpdates is null
            ? await tables.UpdateTableAsync(name!, new TableUpdate(billing, throughput?.Read, throughput?.Write, stream, indexUpdates, definitions,
                DeletionProtectionEnabled: protection, TableClass: tableClass, OnDemandThroughput: onDemand, WarmThroughput: warm))
            : null;
        if (forward && changesTable && description!.RegionReplicas.Count > 0) await replicaGroup.ForwardAsync(description, "UpdateTable", r.Root);
        if (replicaUpdates is not null) description = await replicaGroup.ApplyAsync(name!, replicaUpdates);
        w.WriteStartObject();
        w.WritePropertyName("TableDescription");
        TableDescriptionJson.Write(w, description!);
        w.WriteEndObject();
    }

    /// <summary>ReplicaUpdates (global tables, version 2019.11.21): Create, Update or Delete, each with a RegionName.</summary>
    private static List<GlobalTables.ReplicaUpdate>? ReadReplicaUpdates(ApiRequest r) =>
        r.Array("ReplicaUpdates") is { } list
            ? GlobalTables.ReplicaUpdate.ReadAll(r, list, "One or more parameter values were invalid: Exactly one of Create, Update or Delete must be specified in a ReplicationGroupUpdate", allowUpdate: true)
            : null;

    public Task UpdateTimeToLive(ApiRequest r, Utf8JsonWriter w) => UpdateTimeToLive(r, w, forward: true);

    /// <summary>UpdateTimeToLive; on a global table made in every other region too, unless <paramref name="forward"/> is false.</summary>
    public async Task UpdateTimeToLive(ApiRequest r, Utf8JsonWriter w, bool forward)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var member = r.Required(r.Object("TimeToLiveSpecification"), "timeToLiveSpecification");
        r.ThrowIfInvalid();
        var spec = new ApiRequest(member!.Value);
        var enabled = spec.Required(spec.Bool("Enabled"), "timeToLiveSpecification.enabled");
        var attribute = spec.Required(spec.String("AttributeName"), "timeToLiveSpecification.attributeName");
        spec.ThrowIfInvalid();
        var result = await tables.UpdateTimeToLiveAsync(name!, new TimeToLiveSpecification(enabled!.Value, attribute!));
        if (forward && await tables.DescribeTableAsync(name!) is { RegionReplicas.Count: > 0 } global)
            await replicaGroup.ForwardAsync(global, "UpdateTimeToLive", r.Root);
        w.WriteStartObject();
        w.WriteStartObject("TimeToLiveSpecification");
        w.WriteBoolean("Enabled", result.Enabled);
        w.WriteString("AttributeName", result.AttributeName);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public async Task DescribeTimeToLive(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        var attribute = await tables.DescribeTimeToLiveAsync(name!);
        w.WriteStartObject();
        w.WriteStartObject("TimeToLiveDescription");
        w.WriteString("TimeToLiveStatus", attribute is null ? "DISABLED" : "ENABLED");
        if (attribute is not null) w.WriteString("AttributeName", attribute);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Answers with an empty body, as AWS does (the SDK then expects CRC32 0).</summary>
    public async Task TagResource(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("ResourceArn"), "resourceArn");
        var list = r.Required(r.Array("Tags"), "tags");
        r.ThrowIfInvalid();
        await tables.TagResourceAsync(arn!, TagsJson.Read(list!.Value));
    }

    public async Task UntagResource(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("ResourceArn"), "resourceArn");
        var keys = r.Required(r.Array("TagKeys"), "tagKeys");
        r.ThrowIfInvalid();
        await tables.UntagResourceAsync(arn!, keys!.Value.EnumerateArray().Select(ApiRequest.AsString).ToList());
    }

    public async Task ListTagsOfResource(ApiRequest r, Utf8JsonWriter w)
    {
        var arn = r.Required(r.String("ResourceArn"), "resourceArn");
        r.ThrowIfInvalid();
        var tags = await tables.ListTagsOfResourceAsync(arn!);
        w.WriteStartObject();
        w.WriteStartArray("Tags");
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("Key", key);
            w.WriteString("Value", value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public Task DescribeLimits(ApiRequest r, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("AccountMaxReadCapacityUnits", AccountMaxCapacityUnits);
        w.WriteNumber("AccountMaxWriteCapacityUnits", AccountMaxCapacityUnits);
        w.WriteNumber("TableMaxReadCapacityUnits", TableMaxCapacityUnits);
        w.WriteNumber("TableMaxWriteCapacityUnits", TableMaxCapacityUnits);
        w.WriteEndObject();
        return Task.CompletedTask;
    }
}
