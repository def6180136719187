using System.Text.Json;
using DataTier.GlobalTables;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// DescribeGlobalTableSettings and UpdateGlobalTableSettings over JSON. As in DynamoDB they serve global tables of version
/// 2017.11.29 only (GlobalTableNotFoundException for any other table): each region's replica is a table of its own, so its
/// settings are asked of its region, and a change is checked in every region before it is made in any.
/// </summary>
public sealed class GlobalTableSettingsOperations(LegacyGlobalTables legacy, ReplicaTableSettings settings, ReplicaClient client)
{
    public async Task DescribeGlobalTableSettings(ApiRequest r, Utf8JsonWriter w)
    {
        var name = GlobalTableOperations.GlobalTableName(r);
        r.ThrowIfInvalid();
        await WriteAsync(w, await legacy.DescribeAsync(name!));
    }

    /// <summary>
    /// The billing mode, write capacity and its auto scaling (with each index's) in every region; the read capacity and its auto
    /// scaling (with each index's) and the table class of the regions ReplicaSettingsUpdate names, each in its own.
    /// </summary>
    public async Task UpdateGlobalTableSettings(ApiRequest r, Utf8JsonWriter w)
    {
        var request = GlobalTableSettingsRequest.Read(r);
        var table = await legacy.DescribeAsync(request.Name);
        await settings.ApplyEverywhereAsync(table, request.Global, request.Replicas);
        await WriteAsync(w, await legacy.DescribeAsync(table.Name));
    }

    /// <summary>GlobalTableName and ReplicaSettings: each region's settings from its own table (the others asked first, so a region that cannot answer fails the request before anything is written).</summary>
    private async Task WriteAsync(Utf8JsonWriter w, TableDescription table)
    {
        var group = legacy.Group(table).ToList();
        var answers = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        try
        {
            foreach (var (region, _) in group.Where(g => g.Region != legacy.LocalRegion))
                answers[region] = JsonDocument.Parse(await client.RequestAsync(region, ReplicationMessages.DescribeTableSettings, ReplicationMessages.DescribeTableSettingsBody(table.Name)));
            w.WriteStartObject();
            w.WriteString("GlobalTableName", table.Name);
            w.WriteStartArray("ReplicaSettings");
            foreach (var (region, status) in group)
            {
                w.WriteStartObject();
                w.WriteString("RegionName", region);
                w.WriteString("ReplicaStatus", status.ToString());
                if (answers.TryGetValue(region, out var answer))
                {
                    foreach (var member in answer.RootElement.GetProperty("Settings").EnumerateObject()) member.WriteTo(w);
                }
                else
                {
                    await settings.WriteAsync(w, table.Name);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        finally
        {
            foreach (var answer in answers.Values) answer.Dispose();
        }
    }
}
