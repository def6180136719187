using DataTier.AutoScaling;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// This region's replica of a global table under UpdateGlobalTableSettings (version 2017.11.29) or UpdateTableReplicaAutoScaling
/// (2019.11.21): a change is checked whole
/// first (indexes, billing mode, units, the day's decreases, auto scaling bounds and policies), then made with UpdateTable's
/// path and the project's auto scaling (scalable targets and target-tracking policies, evaluated by the catalog as for any table).
/// </summary>
public sealed class ReplicaTableSettings(IGrainFactory grains, LegacyGlobalTables legacy, ReplicaClient client, TimeProvider time)
{
    private const string Invalid = "One or more parameter values were invalid: ";

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    /// <summary>
    /// Makes <paramref name="global"/> in every region of <paramref name="table"/>'s group, with each region's own changes of
    /// <paramref name="replicas"/> (ReplicaNotFoundException for a region not in it): every region checks its part first, and only
    /// when all can take it does any change.
    /// </summary>
    public async Task ApplyEverywhereAsync(TableDescription table, TableSettingsChange global, IReadOnlyDictionary<string, TableSettingsChange> replicas)
    {
        var group = legacy.Group(table).Select(g => g.Region).ToList();
        foreach (var region in replicas.Keys)
            if (!group.Contains(region)) throw LegacyGlobalTables.ReplicaNotFound(region, table.Name);
        var changes = group.ToDictionary(g => g, g => global.With(replicas.GetValueOrDefault(g)), StringComparer.Ordinal);
        var others = group.Where(g => g != legacy.LocalRegion).ToList();
        foreach (var checkOnly in new[] { true, false })
        {
            await ApplyAsync(table.Name, changes[legacy.LocalRegion], checkOnly);
            foreach (var region in others)
                await grains.GetGrain<DataTier.GlobalTables.IReplicaOutboxGrain>(region)
                    .Call(ReplicationMessages.ApplyTableSettings, ReplicationMessages.ApplyTableSettingsBody(table.Name, changes[region], checkOnly));
        }
    }

    /// <summary>Checks <paramref name="change"/> against this region's table and, unless <paramref name="checkOnly"/>, makes it.</summary>
    public async Task ApplyAsync(string name, TableSettingsChange change, bool checkOnly)
    {
        var table = await DescribeAsync(name);
        var targets = await TargetsAsync(table);
        var update = Plan(table, change, time.GetUtcNow());
        foreach (var (resource, dimension, scaling) in Scaling(table, change))
            CheckScaling(scaling, targets.Contains((resource, dimension)), update.BillingMode ?? table.BillingMode);
        if (checkOnly) return;
        if (update != NoChange) await Catalog.Update(name, update);
        foreach (var (resource, dimension, scaling) in Scaling(table, change))
            await ScaleAsync(resource, dimension, scaling, targets.Contains((resource, dimension)));
    }

    /// <summary>This region's replica's settings, as a ReplicaSettingsDescription's members after RegionName and ReplicaStatus.</summary>
    public async Task WriteAsync(System.Text.Json.Utf8JsonWriter w, string name)
    {
        var table = await DescribeAsync(name);
        var targets = (await Catalog.ScalableTargets()).Where(t => t.Resource.Table == table.Name).ToList();
        ReplicaSettingsJson.WriteMembers(w, table, targets);
    }

    /// <summary>A region's replica's settings (a ReplicaSettingsDescription's members after RegionName and ReplicaStatus), asked of that region.</summary>
    public async Task<System.Text.Json.JsonElement> SettingsOfAsync(string region, string name)
    {
        byte[] answer;
        if (region == legacy.LocalRegion)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            await using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartObject("Settings");
                await WriteAsync(w, name);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            answer = buffer.WrittenSpan.ToArray();
        }
        else
        {
            answer = await client.RequestAsync(region, ReplicationMessages.DescribeTableSettings, ReplicationMessages.DescribeTableSettingsBody(name));
        }
        using var document = System.Text.Json.JsonDocument.Parse(answer);
        return document.RootElement.GetProperty("Settings").Clone();
    }

    private static readonly TableUpdate NoChange = new(null, null, null);

    /// <summary>
    /// The table of that name here: a replica of a global table of either version (UpdateGlobalTableSettings has checked the
    /// version where it was asked; UpdateTableReplicaAutoScaling serves 2019.11.21 and tables of one region).
    /// </summary>
    private async Task<TableDescription> DescribeAsync(string name) =>
        await Catalog.Describe(name) is { BaseTableName: null } table ? table : await legacy.DescribeAsync(name);

    /// <summary>
    /// The UpdateTable change of billing, units and class the settings ask of <paramref name="table"/>: only what differs, so a setting
    /// given again is not refused as a change that changes nothing.
    /// </summary>
    private static TableUpdate Plan(TableDescription table, TableSettingsChange change, DateTimeOffset now)
    {
        foreach (var index in change.Indexes)
            if (table.GlobalIndexes.All(i => i.Name != index.IndexName))
                throw new DynamoException(DynamoErrorCode.IndexNotFoundException,
                    $"Index not found: Global secondary index: '{index.IndexName}' is not part of global table: '{table.Name}'.");
        var billing = change.BillingMode ?? table.BillingMode;
        var tableClass = change.TableClass is { } c && c != table.TableClass ? c : (TableClass?)null;
        if (billing == BillingMode.PAY_PER_REQUEST)
        {
            if (change.ReadCapacityUnits is not null || change.WriteCapacityUnits is not null
                || change.Indexes.Any(i => i.ReadCapacityUnits is not null || i.WriteCapacityUnits is not null))
                throw DynamoException.Validation(Invalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            return new TableUpdate(billing != table.BillingMode ? billing : null, null, null, TableClass: tableClass);
        }
        var switching = table.BillingMode != BillingMode.PROVISIONED;
        var read = Units(change.ReadCapacityUnits, change.ReadAutoScaling, switching ? null : table.ReadCapacityUnits)
            ?? throw DynamoException.Validation(Invalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        var write = Units(change.WriteCapacityUnits, change.WriteAutoScaling, switching ? null : table.WriteCapacityUnits)
            ?? throw DynamoException.Validation(Invalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        var tableChanges = switching || read != table.ReadCapacityUnits || write != table.WriteCapacityUnits;
        if (!switching && (read < table.ReadCapacityUnits || write < table.WriteCapacityUnits))
            DecreaseLimit.Check(table.DecreasesToday(now), table.ThroughputDecreasedTime, now);
        var indexUpdates = new List<GlobalIndexUpdate>();
        foreach (var index in table.GlobalIndexes)
        {
            var asked = change.Indexes.FirstOrDefault(i => i.IndexName == index.Name);
            var indexRead = Units(asked?.ReadCapacityUnits, asked?.ReadAutoScaling, switching ? null : index.ReadCapacityUnits);
            var indexWrite = Units(asked?.WriteCapacityUnits, asked?.WriteAutoScaling, switching ? null : index.WriteCapacityUnits);
            if (indexRead is not { } r || indexWrite is not { } w)
                throw DynamoException.Validation(Invalid + $"ProvisionedThroughput must be specified for index: {index.Name}");
            if (!switching && r == index.ReadCapacityUnits && w == index.WriteCapacityUnits) continue;
            if (!switching && (r < index.ReadCapacityUnits || w < index.WriteCapacityUnits))
                DecreaseLimit.Check(index.DecreasesToday(now), index.ThroughputDecreasedTime, now);
            indexUpdates.Add(new GlobalIndexUpdate(null, null, new IndexThroughputUpdate(index.Name, r, w)));
        }
        return new TableUpdate(switching ? billing : null, tableChanges ? read : null, tableChanges ? write : null,
            IndexUpdates: indexUpdates.Count > 0 ? indexUpdates : null, TableClass: tableClass);
    }

    /// <summary>
    /// The units asked for, else <paramref name="current"/> (auto scaling brings them within its bounds), else, for a table that
    /// had none, the least auto scaling is asked to keep.
    /// </summary>
    private static long? Units(long? asked, AutoScalingUpdate? scaling, long? current) =>
        asked ?? current ?? (scaling is { AutoScalingDisabled: not true, MinimumUnits: { } min } ? min : null);

    /// <summary>Each dimension the change sets auto scaling of: the table's and its indexes', read and write.</summary>
    private static IEnumerable<(ScalableResource Resource, CapacityDimension Dimension, AutoScalingUpdate Scaling)> Scaling(TableDescription table, TableSettingsChange change)
    {
        var resource = new ScalableResource(table.Name);
        if (change.ReadAutoScaling is { } read) yield return (resource, CapacityDimension.ReadCapacityUnits, read);
        if (change.WriteAutoScaling is { } write) yield return (resource, CapacityDimension.WriteCapacityUnits, write);
        foreach (var index in change.Indexes)
        {
            var indexResource = new ScalableResource(table.Name, index.IndexName);
            if (index.ReadAutoScaling is { } indexRead) yield return (indexResource, CapacityDimension.ReadCapacityUnits, indexRead);
            if (index.WriteAutoScaling is { } indexWrite) yield return (indexResource, CapacityDimension.WriteCapacityUnits, indexWrite);
        }
    }

    private static void CheckScaling(AutoScalingUpdate scaling, bool registered, BillingMode billing)
    {
        if (scaling.AutoScalingDisabled == true) return;
        if (billing == BillingMode.PAY_PER_REQUEST)
            throw DynamoException.Validation(Invalid + "Auto scaling settings cannot be specified when BillingMode is PAY_PER_REQUEST");
        if (!registered && (scaling.MinimumUnits is null || scaling.MaximumUnits is null))
            throw DynamoException.Validation(Invalid + "MinimumUnits and MaximumUnits must both be specified to enable auto scaling");
        if (scaling.MinimumUnits > scaling.MaximumUnits) throw DynamoException.Validation("Maximum capacity cannot be less than minimum capacity");
        if (scaling.Policy is { TargetValue: not (> 0 and <= 100) })
            throw DynamoException.Validation("The target value must be greater than 0 and at most 100 percent");
    }

    /// <summary>Auto scaling as the settings ask: the target deregistered, or registered (bounds changed) with the policy put.</summary>
    private async Task ScaleAsync(ScalableResource resource, CapacityDimension dimension, AutoScalingUpdate scaling, bool registered)
    {
        if (scaling.AutoScalingDisabled == true)
        {
            if (registered) await Catalog.DeregisterScalableTarget(resource, dimension);
            return;
        }
        await Catalog.RegisterScalableTarget(resource, dimension, scaling.MinimumUnits, scaling.MaximumUnits);
        if (scaling.Policy is not { } policy) return;
        var name = policy.PolicyName ?? $"{ScalingNames.MetricOf(dimension)}:{resource.ResourceId}";
        await Catalog.PutScalingPolicy(resource, dimension, new ScalingPolicy(name, policy.TargetValue,
            Math.Max(0, policy.ScaleOutCooldown ?? AutoScaling.AutoScalingOperations.DefaultCooldownSeconds),
            Math.Max(0, policy.ScaleInCooldown ?? AutoScaling.AutoScalingOperations.DefaultCooldownSeconds),
            policy.DisableScaleIn ?? false, time.GetUtcNow()));
    }

    /// <summary>The dimensions of the table and its indexes registered for auto scaling.</summary>
    private async Task<HashSet<(ScalableResource, CapacityDimension)>> TargetsAsync(TableDescription table) =>
        (await Catalog.ScalableTargets()).Where(t => t.Resource.Table == table.Name).Select(t => (t.Resource, t.Target.Dimension)).ToHashSet();
}
