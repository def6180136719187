using DataTier.Catalog;
using DataTier.Errors;
using DataTier.GlobalTables;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Adds, changes and removes a table's replicas in other regions (UpdateTable's ReplicaUpdates), as version 2019.11.21 of
/// DynamoDB's global tables does: the region asked creates or deletes its table at once, then every other member
/// learns the new group. The group is full mesh: each region sends its own writes to every other. Messages to the
/// other members go through their <see cref="IReplicaOutboxGrain"/>s: one that is down learns of the change when it
/// is back, in order.
/// </summary>
public sealed partial class ReplicaGroup(IGrainFactory grains, ReplicaClient client, TimeProvider time, ILogger<ReplicaGroup> logger)
{
    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    private IReplicaOutboxGrain Outbox(string region) => grains.GetGrain<IReplicaOutboxGrain>(region);

    public async Task<TableDescription> ApplyAsync(string name, IReadOnlyList<ReplicaUpdate> updates)
    {
        foreach (var update in updates)
        {
            var table = await Catalog.Describe(name) is { BaseTableName: null } found ? found
                : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");
            if (table.GlobalTableCreated is not null)
                throw DynamoException.Validation($"One or more parameter values were invalid: Table {name} is a replica of a global table of version 2017.11.29: add or remove its replicas with UpdateGlobalTable");
            if (update.RegionName == client.LocalRegion)
                throw DynamoException.Validation("Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
            switch (update.Action)
            {
                case ReplicaAction.Create:
                    await CreateAsync(table, update.RegionName, update.Settings);
                    break;
                case ReplicaAction.Update:
                    await UpdateAsync(table, update.RegionName, update.Settings!);
                    break;
                default:
                    await DeleteAsync(table, update.RegionName);
                    break;
            }
        }
        return await Catalog.Describe(name) ?? throw DynamoException.TableNotFound();
    }

    /// <summary>
    /// Makes the replica in <paramref name="region"/>, from the table's settings (not this region's own), with its own
    /// <paramref name="settings"/> if given, checked as an <c>Update</c>'s before anything is changed; every member records them.
    /// </summary>
    private async Task CreateAsync(TableDescription table, string region, ReplicaSettingsUpdate? settings)
    {
        var members = Members(table);
        if (!client.Knows(region))
            throw DynamoException.Validation($"One or more parameter values were invalid: Region {region} is not configured (GlobalTables:Regions:{region})");
        if (members.Contains(region))
            throw DynamoException.Validation($"Failed to create a the new replica of table with name: '{table.Name}' because one or more replicas already existed as tables.");
        if (table.StreamViewType != StreamViewType.NEW_AND_OLD_IMAGES)
            throw DynamoException.Validation($"Table: {table.Name} must have DynamoDB Streams enabled with StreamViewType NEW_AND_OLD_IMAGES to have replicas");
        if (table.BillingMode == BillingMode.PROVISIONED && table.ScalableTargets.All(t => t.Dimension != DataTier.AutoScaling.CapacityDimension.WriteCapacityUnits))
            throw DynamoException.Validation("Table write capacity should either be Pay-Per-Request or AutoScaled.");
        var own = settings?.ApplyTo(new ReplicaSettings(), table, region, time.GetUtcNow()) is { IsEmpty: false } given ? given : null;
        var group = members.Append(client.LocalRegion).Append(region).ToList();
        await Outbox(region).Call(ReplicationMessages.CreateReplica, ReplicationMessages.CreateReplicaBody(TableValues.TableOf(table), group, own));
        await Catalog.SetRegionReplicas(table.Name, [.. members, region]);
        await TellMembersAsync(members, table.Name, group);
        if (own is null) return;
        await Catalog.SetRegionReplicaSettings(table.Name, region, own);
        // After the group in each member's outbox, so the new region is a member there when its settings arrive.
        var body = ReplicationMessages.UpdateReplicaSettingsBody(table.Name, region, own);
        foreach (var member in members)
            if (!await Outbox(member).Send(ReplicationMessages.UpdateReplicaSettings, body)) LogOwed(logger, ReplicationMessages.UpdateReplicaSettings, member, table.Name);
    }

    /// <summary>
    /// Gives the replica in <paramref name="region"/> its own settings: that region applies them now (its answer is this request's,
    /// so a decrease it may not make yet is refused here too), then this region and the others record them.
    /// </summary>
    private async Task UpdateAsync(TableDescription table, string region, ReplicaSettingsUpdate update)
    {
        var replica = table.RegionReplicas.FirstOrDefault(r => r.RegionName == region) ?? throw ReplicaNotFound();
        var settings = update.ApplyTo(replica.Settings ?? new ReplicaSettings(), table, region, time.GetUtcNow());
        var body = ReplicationMessages.UpdateReplicaSettingsBody(table.Name, region, settings);
        await Outbox(region).Call(ReplicationMessages.UpdateReplicaSettings, body);
        await Catalog.SetRegionReplicaSettings(table.Name, region, settings);
        foreach (var member in Members(table).Where(m => m != region))
            if (!await Outbox(member).Send(ReplicationMessages.UpdateReplicaSettings, body)) LogOwed(logger, ReplicationMessages.UpdateReplicaSettings, member, table.Name);
    }

    private static DynamoException ReplicaNotFound() =>
        DynamoException.Validation("Replica specified in the Replica Update or Replica Delete action of the request was not found.");

    private async Task DeleteAsync(TableDescription table, string region)
    {
        var members = Members(table);
        if (!members.Contains(region)) throw ReplicaNotFound();
        // A region that cannot be reached now deletes its table when it is back (one that no longer has it says so, and
        // that is dropped): a region lost for good can still be removed from the group.
        if (!await Outbox(region).Send(ReplicationMessages.DeleteReplica, ReplicationMessages.DeleteReplicaBody(table.Name)))
            LogOwed(logger, ReplicationMessages.DeleteReplica, region, table.Name);
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
    /// The change stands here whatever they answer; one that cannot be reached now gets it when it is back, and one
    /// that refuses it is logged.
    /// </summary>
    public async Task ForwardAsync(TableDescription table, string operation, System.Text.Json.JsonElement request)
    {
        // Version 2017.11.29 keeps each replica's settings its own.
        if (table.GlobalTableCreated is not null) return;
        var body = ReplicationMessages.ForwardBody(request);
        foreach (var member in Members(table))
            if (!await Outbox(member).Send(ReplicationMessages.Forward(operation), body)) LogOwed(logger, operation, member, table.Name);
    }

    private static List<string> Members(TableDescription table) => table.RegionReplicas.Select(r => r.RegionName).ToList();

    /// <summary>
    /// Tells each region the group it is in now. The change made here stands (the region asked was changed first);
    /// a region that cannot be reached now is told when it is back.
    /// </summary>
    public async Task TellMembersAsync(IEnumerable<string> members, string table, IReadOnlyList<string> group)
    {
        var body = ReplicationMessages.UpdateReplicaGroupBody(table, group);
        foreach (var member in members)
            if (!await Outbox(member).Send(ReplicationMessages.UpdateReplicaGroup, body)) LogOwed(logger, ReplicationMessages.UpdateReplicaGroup, member, table);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} of table {Table} is owed to region {Region}, which did not take it now; it is sent when the region answers")]
    private static partial void LogOwed(ILogger logger, string operation, string region, string table);
}
