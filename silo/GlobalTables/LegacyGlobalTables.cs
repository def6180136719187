using DataTier.Catalog;
using DataTier.Client;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Version 2017.11.29 of global tables (CreateGlobalTable, UpdateGlobalTable): the user creates the table in each
/// region, empty, with the same keys, indexes, billing and a NEW_AND_OLD_IMAGES stream; the global table then joins
/// them. Replication itself is the same as version 2019.11.21's (<see cref="ReplicaGroup"/>): full mesh, last writer
/// wins. Unlike it, a change of one replica's settings stays in its region, and removing a replica leaves its table
/// in place as a table of that region only.
/// </summary>
public sealed class LegacyGlobalTables(IGrainFactory grains, ITableClient tables, ReplicaClient client, ReplicaGroup replicaGroup, TimeProvider time)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    private IReplicaOutboxGrain Outbox(string region) => grains.GetGrain<IReplicaOutboxGrain>(region);

    public string LocalRegion => client.LocalRegion;

    /// <summary>The table of that name here if it is a replica of a global table of version 2017.11.29; GlobalTableNotFoundException if not.</summary>
    public async Task<TableDescription> DescribeAsync(string name) =>
        await Catalog.Describe(name) is { BaseTableName: null, GlobalTableCreated: not null } table ? table
            : throw new DynamoException(DynamoErrorCode.GlobalTableNotFoundException, $"Global table not found: Global table with name: '{name}' does not exist.");

    public Task<IReadOnlyList<TableDescription>> ListAsync() => Catalog.GlobalTablesOf2017();

    /// <summary>Every region of the global table, this one included, with its replica's status, by name.</summary>
    public IEnumerable<(string Region, ReplicaStatus Status)> Group(TableDescription table) =>
        table.RegionReplicas.Select(x => (x.RegionName, x.Status)).Append((LocalRegion, ReplicaStatus.ACTIVE))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    public static DynamoException ReplicaNotFound(string region, string table) =>
        new(DynamoErrorCode.ReplicaNotFoundException, $"Replica not found: Replica in region: '{region}' is not part of global table: '{table}'.");

    /// <summary>
    /// Every region of <paramref name="regions"/> is checked first (nothing changes if one cannot join), then each other
    /// region joins, then this one. A region that fails to join after its check passed is undone with those before it.
    /// </summary>
    public async Task<TableDescription> CreateAsync(string name, IReadOnlyList<string> regions)
    {
        var group = regions.Distinct(StringComparer.Ordinal).ToList();
        if (!group.Contains(LocalRegion))
            throw DynamoException.Validation($"One or more parameter values were invalid: The replication group must include the region the request is made in: {LocalRegion}");
        foreach (var region in group.Where(r => r != LocalRegion))
            if (!client.Knows(region))
                throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        var table = await Catalog.Describe(name) is { BaseTableName: null } found ? found : throw TableNotFound(name, LocalRegion);
        if (table.GlobalTableCreated is not null)
            throw new DynamoException(DynamoErrorCode.GlobalTableAlreadyExistsException, "Global table with this name already exists");
        var created = time.GetUtcNow();
        await CheckCanJoinAsync(table, table, created);
        var others = group.Where(r => r != LocalRegion).ToList();
        foreach (var region in others)
            await Outbox(region).Call(ReplicationMessages.JoinGlobalTable, ReplicationMessages.JoinGlobalTableBody(table, group, created, checkOnly: true));
        var joined = new List<string>();
        try
        {
            foreach (var region in others)
            {
                await Outbox(region).Call(ReplicationMessages.JoinGlobalTable, ReplicationMessages.JoinGlobalTableBody(table, group, created, checkOnly: false));
                joined.Add(region);
            }
            return await Catalog.JoinGlobalTable(name, others, created);
        }
        catch (DynamoException)
        {
            await replicaGroup.TellMembersAsync(joined, name, []);
            throw;
        }
    }

    /// <summary>Adds the replica in <paramref name="region"/> (its table must be there, empty, alike) and tells the other members.</summary>
    public async Task<TableDescription> AddReplicaAsync(TableDescription table, string region)
    {
        var members = Members(table);
        if (region == LocalRegion || members.Contains(region))
            throw new DynamoException(DynamoErrorCode.ReplicaAlreadyExistsException, $"Replica already exists: Replica in region: '{region}' is already part of global table: '{table.Name}'.");
        if (!client.Knows(region))
            throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        var groupAfter = members.Append(LocalRegion).Append(region).ToList();
        await Outbox(region).Call(ReplicationMessages.JoinGlobalTable, ReplicationMessages.JoinGlobalTableBody(table, groupAfter, table.GlobalTableCreated!.Value, checkOnly: false));
        var updated = await Catalog.SetRegionReplicas(table.Name, [.. members, region]);
        await replicaGroup.TellMembersAsync(members, table.Name, groupAfter);
        return updated;
    }

    /// <summary>
    /// Removes the replica in <paramref name="region"/> from the global table: its table stays, as a table of that region
    /// only (told when it is back, if it is down). Removing this region leaves the others a global table without it.
    /// </summary>
    public async Task<TableDescription> RemoveReplicaAsync(TableDescription table, string region)
    {
        var members = Members(table);
        if (region != LocalRegion && !members.Contains(region)) throw ReplicaNotFound(region, table.Name);
        if (region == LocalRegion)
        {
            // This region leaves: the others stay a global table without it.
            await replicaGroup.TellMembersAsync(members, table.Name, members);
            return await Catalog.LeaveGlobalTable(table.Name);
        }
        await replicaGroup.TellMembersAsync([region], table.Name, []);
        var remaining = members.Where(m => m != region).ToList();
        var updated = await Catalog.SetRegionReplicas(table.Name, remaining);
        await replicaGroup.TellMembersAsync(remaining, table.Name, [.. remaining, LocalRegion]);
        return updated;
    }

    /// <summary>
    /// Whether this region's table <paramref name="table"/> can join a global table made from the initiating region's
    /// <paramref name="source"/> at <paramref name="created"/>: in AWS's words where AWS has them.
    /// </summary>
    public async Task CheckCanJoinAsync(TableDescription table, TableDescription source, DateTimeOffset created)
    {
        var where = $"Table: {table.Name} in region {LocalRegion}";
        var joined = table.GlobalTableCreated == created;
        if (!joined && (table.RegionReplicas.Count > 0 || table.GlobalTableCreated is not null))
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} is already a replica of a global table");
        if (table.StreamViewType != StreamViewType.NEW_AND_OLD_IMAGES)
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to join a global table");
        if (table.KeySchema != source.KeySchema)
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} does not have the same key schema as the global table's other replicas");
        if (!SameIndexes(table, source))
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} does not have the same global secondary indexes as the global table's other replicas");
        if (table.BillingMode != source.BillingMode || (table.BillingMode == BillingMode.PROVISIONED && table.WriteCapacityUnits != source.WriteCapacityUnits))
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} does not have the same write capacity settings as the global table's other replicas");
        if (!joined && !await IsEmptyAsync(table.Name))
            throw DynamoException.Validation($"One or more parameter values were invalid: {where} is not empty: the replica tables of a global table must be empty when they join it");
    }

    public static DynamoException TableNotFound(string name, string region) =>
        new(DynamoErrorCode.TableNotFoundException, $"Table not found: Table: '{name}' not found in region: '{region}'.");

    private static bool SameIndexes(TableDescription a, TableDescription b) =>
        a.GlobalIndexes.Count == b.GlobalIndexes.Count
        && a.GlobalIndexes.All(i => b.GlobalIndexes.Any(j => j.Name == i.Name && j.KeySchema == i.KeySchema && j.Projection.Type == i.Projection.Type));

    private async Task<bool> IsEmptyAsync(string name)
    {
        IReadOnlyDictionary<string, Model.AttrValue>? start = null;
        do
        {
            var page = await tables.ScanAsync(new Client.Requests.ScanRequest { TableName = name, Limit = 1, ConsistentRead = true, ExclusiveStartKey = start });
            if (page.Items.Count > 0) return false;
            start = page.LastEvaluatedKey;
        } while (start is not null);
        return true;
    }

    private static List<string> Members(TableDescription table) => table.RegionReplicas.Select(r => r.RegionName).ToList();
}
