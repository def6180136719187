using DataTier.Catalog;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Adds and removes a table's replicas in other regions (UpdateTable's ReplicaUpdates), as version 2019.11.21 of
/// DynamoDB's global tables does: the region asked creates or deletes its table at once, then every other member
/// learns the new group. The group is full mesh: each region sends its own writes to every other.
/// </summary>
public sealed partial class ReplicaGroup(IGrainFactory grains, ReplicaClient client, ILogger<ReplicaGroup> logger)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task<TableDescription> ApplyAsync(string name, IReadOnlyList<ReplicaUpdate> updates)
    {
        foreach (var update in updates)
        {
            var table = await Catalog.Describe(name) is { BaseTableName: null } found ? found
                : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");
            if (update.Create) await CreateAsync(table, update.RegionName);
            else await DeleteAsync(table, update.RegionName);
        }
        return await Catalog.Describe(name) ?? throw DynamoException.TableNotFound();
    }

    private async Task CreateAsync(TableDescription table, string region)
    {
        var members = Members(table);
        if (region == client.LocalRegion)
            throw DynamoException.Validation($"One or more parameter values were invalid: {region} is the region of table {table.Name} itself");
        if (!client.Knows(region))
            throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        if (members.Contains(region))
            throw DynamoException.Validation($"Failed to create a the new replica of table with name: '{table.Name}' because one or more replicas already existed as tables.");
        if (table.StreamViewType != StreamViewType.NEW_AND_OLD_IMAGES)
            throw DynamoException.Validation($"Table: {table.Name} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to have replicas");
        if (table.BillingMode == BillingMode.PROVISIONED && table.ScalableTargets.All(t => t.Dimension != DataTier.AutoScaling.CapacityDimension.WriteCapacityUnits))
            throw DynamoException.Validation("Table write capacity should either be Pay-Per-Request or AutoScaled.");
        var group = members.Append(client.LocalRegion).Append(region).ToList();
        await client.CreateReplicaAsync(region, table, group);
        await Catalog.SetRegionReplicas(table.Name, [.. members, region]);
        await TellMembersAsync(members, table.Name, group);
    }

    private async Task DeleteAsync(TableDescription table, string region)
    {
        var members = Members(table);
        if (!members.Contains(region))
            throw DynamoException.Validation("Replica specified in the Replica Update or Replica Delete action of the request was not found.");
        try
        {
            await client.DeleteReplicaAsync(region, table.Name);
        }
        catch (DynamoException e) when (e.Code == DynamoErrorCode.ResourceNotFoundException)
        {
            // Already gone there.
        }
        var remaining = members.Where(m => m != region).ToList();
        await Catalog.SetRegionReplicas(table.Name, remaining);
        await TellMembersAsync(remaining, table.Name, [.. remaining, client.LocalRegion]);
    }

    /// <summary>The table was deleted here: the other regions stop sending to this one, and keep their replicas.</summary>
    public async Task LeaveAsync(TableDescription deleted)
    {
        var members = Members(deleted);
        await TellMembersAsync(members, deleted.Name, members);
    }

    /// <summary>
    /// Makes a change just made here (UpdateTable without its ReplicaUpdates, or UpdateTimeToLive) in every other region.
    /// A region that refuses it or cannot be reached is logged: the change stands here.
    /// </summary>
    public async Task ForwardAsync(TableDescription table, string operation, System.Text.Json.JsonElement request)
    {
        foreach (var member in Members(table))
        {
            try
            {
                await client.ForwardAsync(member, operation, request);
            }
            catch (DynamoException e)
            {
                LogNotForwarded(logger, operation, member, table.Name, e);
            }
        }
    }

    private static List<string> Members(TableDescription table) => table.RegionReplicas.Select(r => r.RegionName).ToList();

    /// <summary>
    /// Tells each region the group it is in now. A region that cannot be reached keeps its old group: the change made
    /// here stands (the region asked was changed first), and the failure is logged to be mended by hand.
    /// </summary>
    private async Task TellMembersAsync(IEnumerable<string> members, string table, IReadOnlyList<string> group)
    {
        foreach (var member in members)
        {
            try
            {
                await client.UpdateGroupAsync(member, table, group);
            }
            catch (DynamoException e)
            {
                LogMemberNotTold(logger, member, table, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} of table {Table} was not made in region {Region}")]
    private static partial void LogNotForwarded(ILogger logger, string operation, string region, string table, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} was not told of the new replica group of table {Table}")]
    private static partial void LogMemberNotTold(ILogger logger, string region, string table, Exception exception);
}
