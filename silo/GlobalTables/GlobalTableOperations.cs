using System.Text.Json;
using DataTier.Client;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>CreateGlobalTable, DescribeGlobalTable, UpdateGlobalTable and ListGlobalTables (global tables version 2017.11.29) over JSON.</summary>
public sealed class GlobalTableOperations(LegacyGlobalTables legacy)
{
    private const int MaxListLimit = 100;

    public async Task CreateGlobalTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = GlobalTableName(r);
        var group = r.Required(r.Array("ReplicationGroup"), "replicationGroup");
        r.ThrowIfInvalid();
        var regions = new List<string>();
        foreach (var e in group!.Value.EnumerateArray())
        {
            var replica = new ApiRequest(e);
            regions.Add(replica.Required(replica.String("RegionName"), $"replicationGroup.{regions.Count + 1}.member.regionName")!);
            replica.ThrowIfInvalid();
        }
        if (regions.Count == 0) throw DynamoException.Validation("One or more parameter values were invalid: ReplicationGroup must not be empty");
        WriteDescription(w, await legacy.CreateAsync(name!, regions));
    }

    public async Task DescribeGlobalTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = GlobalTableName(r);
        r.ThrowIfInvalid();
        WriteDescription(w, await legacy.DescribeAsync(name!));
    }

    /// <summary>Each of ReplicaUpdates in turn: Create or Delete, each with a RegionName.</summary>
    public async Task UpdateGlobalTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = GlobalTableName(r);
        var list = r.Required(r.Array("ReplicaUpdates"), "replicaUpdates");
        r.ThrowIfInvalid();
        var updates = ReplicaUpdate.ReadAll(r, list!.Value, "One or more parameter values were invalid: Exactly one of Create or Delete must be specified in a ReplicaUpdate", allowUpdate: false);
        r.ThrowIfInvalid();
        var table = await legacy.DescribeAsync(name!);
        foreach (var update in updates)
            table = update.Action == ReplicaAction.Create ? await legacy.AddReplicaAsync(table, update.RegionName) : await legacy.RemoveReplicaAsync(table, update.RegionName);
        WriteDescription(w, table);
    }

    /// <summary>The global tables this region holds a replica of, by name, optionally only those with a replica in RegionName.</summary>
    public async Task ListGlobalTables(ApiRequest r, Utf8JsonWriter w)
    {
        var limit = r.Int("Limit");
        var start = r.String("ExclusiveStartGlobalTableName");
        var region = r.String("RegionName");
        if (limit < 1) r.Invalid("limit", limit, "Member must have value greater than or equal to 1");
        if (start is not null) RequestValidation.TableNameErrors(start, "exclusiveStartGlobalTableName", r.Invalid);
        r.ThrowIfInvalid();
        var take = Math.Min(limit ?? MaxListLimit, MaxListLimit);
        var matching = (await legacy.ListAsync())
            .Where(t => start is null || string.CompareOrdinal(t.Name, start) > 0)
            .Where(t => region is null || legacy.Group(t).Any(g => g.Region == region))
            .Take(take + 1).ToList();
        w.WriteStartObject();
        w.WriteStartArray("GlobalTables");
        foreach (var table in matching.Take(take))
        {
            w.WriteStartObject();
            w.WriteString("GlobalTableName", table.Name);
            w.WriteStartArray("ReplicationGroup");
            foreach (var (name, _) in legacy.Group(table))
            {
                w.WriteStartObject();
                w.WriteString("RegionName", name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (matching.Count > take) w.WriteString("LastEvaluatedGlobalTableName", matching[take - 1].Name);
        w.WriteEndObject();
    }

    /// <summary>The ARN of a global table: no region, as it spans them.</summary>
    public static string Arn(string name) => $"arn:aws:dynamodb::000000000000:global-table/{name}";

    internal static string? GlobalTableName(ApiRequest r)
    {
        var name = r.Required(r.String("GlobalTableName"), "globalTableName");
        if (name is not null) RequestValidation.TableNameErrors(name, "globalTableName", r.Invalid);
        return name;
    }

    /// <summary>GlobalTableDescription: CREATING while a replica is still being sent the items of another, then ACTIVE.</summary>
    private void WriteDescription(Utf8JsonWriter w, TableDescription table)
    {
        var group = legacy.Group(table).ToList();
        w.WriteStartObject();
        w.WriteStartObject("GlobalTableDescription");
        w.WriteStartArray("ReplicationGroup");
        foreach (var (region, status) in group)
        {
            w.WriteStartObject();
            w.WriteString("RegionName", region);
            w.WriteString("ReplicaStatus", status.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("GlobalTableArn", Arn(table.Name));
        w.WriteEpochSeconds("CreationDateTime", table.GlobalTableCreated!.Value);
        w.WriteString("GlobalTableStatus", group.Any(g => g.Status != ReplicaStatus.ACTIVE) ? "CREATING" : "ACTIVE");
        w.WriteString("GlobalTableName", table.Name);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
