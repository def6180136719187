using System.Text.Json;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling (global tables version 2019.11.21) over JSON, on the project's
/// auto scaling: each region's scalable targets and policies, asked of and set in that region as UpdateGlobalTableSettings sets them.
/// </summary>
public sealed class ReplicaAutoScalingOperations(IGrainFactory grains, ReplicaTableSettings settings, LegacyGlobalTables legacy)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task DescribeTableReplicaAutoScaling(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        if (name is not null) Client.RequestValidation.TableNameErrors(name, "tableName", r.Invalid);
        r.ThrowIfInvalid();
        await WriteAsync(w, await FindAsync(name!));
    }

    /// <summary>The write auto scaling of the table and its indexes in every region; the read auto scaling in the regions ReplicaUpdates names.</summary>
    public async Task UpdateTableReplicaAutoScaling(ApiRequest r, Utf8JsonWriter w)
    {
        var request = ReplicaAutoScalingRequest.Read(r);
        var table = await FindAsync(request.Name);
        await settings.ApplyEverywhereAsync(table, request.Global, request.Replicas);
        await WriteAsync(w, await FindAsync(table.Name));
    }

    private async Task<TableDescription> FindAsync(string name) =>
        await Catalog.Describe(name) is { BaseTableName: null } table ? table
            : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");

    /// <summary>A TableAutoScalingDescription: every region's auto scaling of the table and its indexes, each asked of its region first.</summary>
    private async Task WriteAsync(Utf8JsonWriter w, TableDescription table)
    {
        var regions = new List<(string Region, DataTier.GlobalTables.ReplicaStatus Status, JsonElement Settings)>();
        foreach (var (region, status) in legacy.Group(table)) regions.Add((region, status, await settings.SettingsOfAsync(region, table.Name)));
        w.WriteStartObject();
        w.WriteStartObject("TableAutoScalingDescription");
        w.WriteString("TableName", table.Name);
        w.WriteString("TableStatus", table.Status.ToString());
        w.WriteStartArray("Replicas");
        foreach (var (region, status, described) in regions)
        {
            w.WriteStartObject();
            w.WriteString("RegionName", region);
            w.WriteString("ReplicaStatus", status.ToString());
            Copy(w, described, "ReplicaProvisionedReadCapacityAutoScalingSettings");
            Copy(w, described, "ReplicaProvisionedWriteCapacityAutoScalingSettings");
            if (described.TryGetProperty("ReplicaGlobalSecondaryIndexSettings", out var indexes))
            {
                w.WriteStartArray("GlobalSecondaryIndexes");
                foreach (var index in indexes.EnumerateArray())
                {
                    w.WriteStartObject();
                    Copy(w, index, "IndexName");
                    Copy(w, index, "IndexStatus");
                    Copy(w, index, "ProvisionedReadCapacityAutoScalingSettings");
                    Copy(w, index, "ProvisionedWriteCapacityAutoScalingSettings");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Copy(Utf8JsonWriter w, JsonElement from, string member)
    {
        if (!from.TryGetProperty(member, out var value)) return;
        w.WritePropertyName(member);
        value.WriteTo(w);
    }
}
