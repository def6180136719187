using System.Text.Json;
using DataTier.Catalog;
using DataTier.Client;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// The replication targets other regions call on this one's DynamoDB endpoint (<see cref="ReplicaClient.TargetPrefix"/>):
/// writes to apply, last writer winning, and changes of a table's replica group. They are signed like any request
/// when the endpoint checks signatures, and read-only keys may not call them.
/// </summary>
public sealed class ReplicationOperations(IGrainFactory grains, ITableClient tables, ReplicaClient client, AdminOperations admin, LegacyGlobalTables legacy,
    ReplicaTableSettings settings)
{
    private static readonly TimeSpan SplitRetryDeadline = TimeSpan.FromSeconds(30);

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task ApplyWrites(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var list = r.Required(r.Array("Writes"), "writes");
        r.ThrowIfInvalid();
        var writes = new List<ReplicatedWrite>();
        foreach (var e in list!.Value.EnumerateArray())
        {
            var write = new ApiRequest(e);
            writes.Add(new ReplicatedWrite(
                write.Required(write.AttributeMap("Keys"), "keys")!,
                write.AttributeMap("Item"),
                write.Required(write.Long("Time"), "time")!.Value,
                write.Required(write.String("Region"), "region")!));
            write.ThrowIfInvalid();
        }
        var applied = await ApplyAsync(name!, writes);
        w.WriteStartObject();
        w.WriteNumber("Applied", applied);
        w.WriteEndObject();
    }

    /// <summary>Each write to the partition owning it; again with a fresh map when a partition was split meanwhile (applying twice is harmless).</summary>
    private async Task<int> ApplyAsync(string name, List<ReplicatedWrite> writes)
    {
        var deadline = DateTime.UtcNow + SplitRetryDeadline;
        var table = await DescribeAsync(name);
        var keys = ValidatedKeys(table, writes);
        while (true)
        {
            try
            {
                var byPartition = Enumerable.Range(0, writes.Count).GroupBy(i => table.Partitions.IdOf(keys[i].Hash), i => writes[i]);
                var counts = await Task.WhenAll(byPartition.Select(group =>
                    grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(group.Key)).ApplyReplicated(group.ToList())));
                return counts.Sum();
            }
            catch (PartitionRetiredException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
                table = await DescribeAsync(name);
            }
        }
    }

    private async Task<TableDescription> DescribeAsync(string name) =>
        await Catalog.Describe(name) is { BaseTableName: null } found ? found
            : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");

    /// <summary>
    /// The writes' item keys. From a peer, but checked all the same: a write that is not the table's is refused as
    /// DynamoDB refuses a bad key.
    /// </summary>
    private static List<Store.ItemKey> ValidatedKeys(TableDescription table, List<ReplicatedWrite> writes)
    {
        var keys = new List<Store.ItemKey>(writes.Count);
        foreach (var write in writes)
        {
            var key = ItemValidator.ValidatedKeyOf(table.KeySchema, write.Keys);
            if (write.Item is not null)
            {
                ItemValidator.ValidateItem(table.KeySchema, write.Item);
                if (!ItemValidator.ItemKeyOf(table.KeySchema, write.Item).Encode().AsSpan().SequenceEqual(key.Encode()))
                    throw DynamoException.Validation("One or more parameter values were invalid: a replicated item's key differs from its Keys");
            }
            keys.Add(key);
        }
        return keys;
    }

    public async Task CreateReplica(ApiRequest r, Utf8JsonWriter w)
    {
        var table = r.Required(r.Object("Table"), "table");
        var group = ReadGroup(r);
        r.ThrowIfInvalid();
        var source = table!.Value.Deserialize<TableDescription>() ?? throw DynamoException.Validation("Table must not be null");
        var own = r.Object("Settings")?.Deserialize<ReplicaSettings>();
        await Catalog.CreateReplicaTable(source, Others(group), own);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    public async Task UpdateReplicaGroup(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var group = ReadGroup(r);
        r.ThrowIfInvalid();
        // A group without this region means it was removed: it keeps its table, as a table of its own.
        if (group.Contains(client.LocalRegion)) await Catalog.SetRegionReplicas(name!, Others(group));
        else await Catalog.LeaveGlobalTable(name!);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Makes this region's table a replica of a global table of version 2017.11.29 that another region creates or
    /// extends, or (CheckOnly) only says whether it could: the first error of <see cref="LegacyGlobalTables.CheckCanJoinAsync"/>.
    /// </summary>
    public async Task JoinGlobalTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var source = r.Required(r.Object("Table"), "table");
        var group = ReadGroup(r);
        var created = r.Required(r.Long("Created"), "created");
        var checkOnly = r.Bool("CheckOnly") ?? false;
        r.ThrowIfInvalid();
        var sourceTable = source!.Value.Deserialize<TableDescription>() ?? throw DynamoException.Validation("Table must not be null");
        var createdTime = DateTimeOffset.FromUnixTimeMilliseconds(created!.Value);
        var table = await Catalog.Describe(name!) is { BaseTableName: null } found ? found : throw LegacyGlobalTables.TableNotFound(name!, client.LocalRegion);
        await legacy.CheckCanJoinAsync(table, sourceTable, createdTime);
        if (!checkOnly) await Catalog.JoinGlobalTable(name!, Others(group), createdTime);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    /// <summary>The settings of one region's replica (version 2019.11.21): applied here if they are this region's, else recorded.</summary>
    public async Task UpdateReplicaSettings(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var region = r.Required(r.String("Region"), "region");
        var member = r.Required(r.Object("Settings"), "settings");
        r.ThrowIfInvalid();
        var replicaSettings = member!.Value.Deserialize<ReplicaSettings>() ?? throw DynamoException.Validation("Settings must not be null");
        if (region == client.LocalRegion) await Catalog.SetLocalReplicaSettings(name!, replicaSettings);
        else await Catalog.SetRegionReplicaSettings(name!, region!, replicaSettings);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    /// <summary>This region's replica's settings (version 2017.11.29), as DescribeGlobalTableSettings lists them.</summary>
    public async Task DescribeTableSettings(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        w.WriteStartObject();
        w.WriteStartObject("Settings");
        await settings.WriteAsync(w, name!);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A change of this region's replica's settings (version 2017.11.29: UpdateGlobalTableSettings), or whether it could be made.</summary>
    public async Task ApplyTableSettings(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var member = r.Required(r.Object("Change"), "change");
        var checkOnly = r.Bool("CheckOnly") ?? false;
        r.ThrowIfInvalid();
        var change = member!.Value.Deserialize<TableSettingsChange>() ?? throw DynamoException.Validation("Change must not be null");
        await settings.ApplyAsync(name!, change, checkOnly);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    public async Task DeleteReplica(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        await tables.DeleteTableAsync(name!);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    /// <summary>UpdateTable as another region of the table made it: made here, and not forwarded again.</summary>
    public Task ForwardUpdateTable(ApiRequest r, Utf8JsonWriter w) => admin.UpdateTable(r, w, forward: false);

    /// <summary>UpdateTimeToLive as another region of the table made it.</summary>
    public Task ForwardUpdateTimeToLive(ApiRequest r, Utf8JsonWriter w) => admin.UpdateTimeToLive(r, w, forward: false);

    private List<string> Others(IEnumerable<string> group) => group.Where(g => g != client.LocalRegion).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> ReadGroup(ApiRequest r) =>
        r.Required(r.Array("Regions"), "regions") is { } regions ? regions.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
}
