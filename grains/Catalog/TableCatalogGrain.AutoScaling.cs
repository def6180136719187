using DataTier.AutoScaling;
using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// Auto scaling of PROVISIONED tables and their global secondary indexes: registered dimensions and their
/// target-tracking policies are kept with the table's description (an index's with its hidden table's);
/// silos report the units each table and index consumed, and every <c>AutoScaling:EvaluationInterval</c>
/// the catalog sets each registered dimension's units to what its policy asks for over the last
/// <c>AutoScaling:Window</c>, through the same path as UpdateTable.
/// </summary>
public sealed partial class TableCatalogGrain
{
    private const int ActivitiesKept = 100;
    private readonly Dictionary<Guid, Queue<(DateTimeOffset At, ConsumedUnits Units)>> _consumption = [];
    private readonly LinkedList<ScalingActivity> _activities = new();
    private DateTimeOffset _observedSince;

    private void StartAutoScaling()
    {
        _observedSince = clock.GetUtcNow();
        var interval = autoScalingOptions.Value.EvaluationInterval;
        this.RegisterGrainTimer(EvaluateScalingAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    public async Task<ScalableTarget> RegisterScalableTarget(ScalableResource resource, CapacityDimension dimension, long? minCapacity, long? maxCapacity)
    {
        var table = FindScalable(resource);
        var existing = table.ScalableTargets.FirstOrDefault(t => t.Dimension == dimension);
        if (existing is null && (minCapacity is null || maxCapacity is null))
            throw DynamoException.Validation("MinCapacity and MaxCapacity are required for registering a new scalable target");
        var target = existing is null
            ? new ScalableTarget(dimension, minCapacity!.Value, maxCapacity!.Value, clock.GetUtcNow())
            : existing with { MinCapacity = minCapacity ?? existing.MinCapacity, MaxCapacity = maxCapacity ?? existing.MaxCapacity };
        if (target.MinCapacity < 1) throw DynamoException.Validation("Minimum capacity must be at least 1 for a DynamoDB table");
        if (target.MaxCapacity < target.MinCapacity) throw DynamoException.Validation("Maximum capacity cannot be less than minimum capacity");
        await Save(WithTarget(table, target));
        return target;
    }

    public async Task DeregisterScalableTarget(ScalableResource resource, CapacityDimension dimension)
    {
        var table = FindTargetHolder(resource);
        if (table.ScalableTargets.All(t => t.Dimension != dimension)) throw ScalingNames.TargetNotFound(resource, dimension);
        await Save(table with { ScalableTargets = [.. table.ScalableTargets.Where(t => t.Dimension != dimension)] });
    }

    public async Task PutScalingPolicy(ScalableResource resource, CapacityDimension dimension, ScalingPolicy policy)
    {
        var table = FindScalable(resource);
        var target = table.ScalableTargets.FirstOrDefault(t => t.Dimension == dimension) ?? throw ScalingNames.TargetNotFound(resource, dimension);
        await Save(WithTarget(table, target with { Policy = policy }));
    }

    public async Task DeleteScalingPolicy(ScalableResource resource, CapacityDimension dimension, string policyName)
    {
        var table = FindTargetHolder(resource);
        var target = table.ScalableTargets.FirstOrDefault(t => t.Dimension == dimension);
        if (target?.Policy?.Name != policyName) throw ScalingNames.PolicyNotFound(resource, dimension, policyName);
        await Save(WithTarget(table, target with { Policy = null }));
    }

    public Task<IReadOnlyList<(ScalableResource Resource, ScalableTarget Target)>> ScalableTargets() =>
        Task.FromResult<IReadOnlyList<(ScalableResource, ScalableTarget)>>(
            [.. _tables.Values.Where(t => t.ScalableTargets.Count > 0)
                .Select(t => (Resource: ResourceOf(t), t.ScalableTargets))
                .Where(t => t.Resource is not null)
                .SelectMany(t => t.ScalableTargets.Select(s => (t.Resource!, s)))]);

    public Task<IReadOnlyList<ScalingActivity>> ScalingActivities() => Task.FromResult<IReadOnlyList<ScalingActivity>>([.. _activities]);

    public Task ReportConsumption(IReadOnlyDictionary<Guid, ConsumedUnits> consumed)
    {
        var now = clock.GetUtcNow();
        foreach (var (tableId, units) in consumed)
        {
            if (!_consumption.TryGetValue(tableId, out var samples)) _consumption[tableId] = samples = new();
            samples.Enqueue((now, units));
        }
        return Task.CompletedTask;
    }

    private async Task EvaluateScalingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = autoScalingOptions.Value.Window;
        var wholeWindow = now - _observedSince >= window;
        // Until a whole window has been watched, the rate is over what was watched (at least one interval).
        var seconds = Math.Max(Math.Min(window.TotalSeconds, (now - _observedSince).TotalSeconds), autoScalingOptions.Value.EvaluationInterval.TotalSeconds);
        foreach (var id in _consumption.Keys.Where(id => _tables.Values.All(t => t.Id != id)).ToList()) _consumption.Remove(id);
        foreach (var table in _tables.Values.Where(t => t.ScalableTargets.Count > 0).ToList())
        {
            var (read, write) = ConsumedSince(table.Id, now - window);
            var (peakRead, peakWrite) = PeakRates(table.Id, now - window);
            foreach (var dimension in table.ScalableTargets.Select(t => t.Dimension).ToList())
            {
                if (!_tables.TryGetValue(table.Name, out var latest) || latest.BillingMode != BillingMode.PROVISIONED) break;
                if (latest.ScalableTargets.FirstOrDefault(t => t.Dimension == dimension) is not { } target) continue;
                var consumed = dimension == CapacityDimension.ReadCapacityUnits ? read : write;
                var peak = dimension == CapacityDimension.ReadCapacityUnits ? peakRead : peakWrite;
                var current = dimension == CapacityDimension.ReadCapacityUnits ? latest.ReadCapacityUnits : latest.WriteCapacityUnits;
                if (TargetTracking.Desired(target, current, consumed / seconds, wholeWindow, now, peak) is not { } desired || desired == current) continue;
                // A scale-in the day's quota refuses waits for the next evaluation the quota allows, rather than filling the activities with refusals.
                if (desired < current && !DecreaseAllowed(latest, now)) continue;
                await ScaleAsync(latest, target, current, desired, consumed / seconds, now);
            }
        }
    }

    private async Task ScaleAsync(TableDescription table, ScalableTarget target, long current, long desired, double rate, DateTimeOffset now)
    {
        var read = target.Dimension == CapacityDimension.ReadCapacityUnits;
        var description = $"Setting {(read ? "read" : "write")} capacity units to {desired}.";
        var cause = target.Policy is { } policy
            ? $"policy {policy.Name}: {rate:F1} units/s consumed over the last {autoScalingOptions.Value.Window.TotalSeconds:G} s against {current} provisioned, target {policy.TargetValue:G}%"
            : $"the bounds of the scalable target ({target.MinCapacity} to {target.MaxCapacity})";
        if (ResourceOf(table) is not { } resource) return;
        try
        {
            var (readUnits, writeUnits) = read ? (desired, table.WriteCapacityUnits) : (table.ReadCapacityUnits, desired);
            if (read) await FollowScaledReadsAsync(resource, desired);
            await UpdateAsync(resource.Table, resource.Index is null
                ? new TableUpdate(null, readUnits, writeUnits)
                : new TableUpdate(null, null, null, IndexUpdates: [new GlobalIndexUpdate(null, null, new IndexThroughputUpdate(resource.Index, readUnits, writeUnits))]), scaled: true);
            var scaled = desired > current ? target with { LastScaledOut = now } : target with { LastScaledIn = now };
            await Save(WithTarget(Find(table.Name), scaled));
            Record(new ScalingActivity(Guid.NewGuid().ToString(), resource, target.Dimension, description, cause, now, true, "Successfully set capacity."));
        }
        catch (DynamoException e)
        {
            Record(new ScalingActivity(Guid.NewGuid().ToString(), resource, target.Dimension, description, cause, now, false, e.Message));
        }
    }

    private (double Read, double Write) ConsumedSince(Guid tableId, DateTimeOffset since)
    {
        if (!_consumption.TryGetValue(tableId, out var samples)) return (0, 0);
        while (samples.TryPeek(out var oldest) && oldest.At < since) samples.Dequeue();
        return (samples.Sum(s => s.Units.Read), samples.Sum(s => s.Units.Write));
    }

    /// <summary>
    /// The read and write rates of the busiest evaluation interval since <paramref name="since"/> (the samples
    /// were already trimmed to the window by <see cref="ConsumedSince"/>).
    /// </summary>
    private (double Read, double Write) PeakRates(Guid tableId, DateTimeOffset since)
    {
        if (!_consumption.TryGetValue(tableId, out var samples) || samples.Count == 0) return (0, 0);
        var interval = autoScalingOptions.Value.EvaluationInterval;
        var buckets = samples.GroupBy(s => (long)((s.At - since) / interval))
            .Select(b => (Read: b.Sum(s => s.Units.Read), Write: b.Sum(s => s.Units.Write)))
            .ToList();
        return (buckets.Max(b => b.Read) / interval.TotalSeconds, buckets.Max(b => b.Write) / interval.TotalSeconds);
    }

    private void Record(ScalingActivity activity)
    {
        _activities.AddFirst(activity);
        if (_activities.Count > ActivitiesKept) _activities.RemoveLast();
    }

    private static TableDescription WithTarget(TableDescription table, ScalableTarget target) =>
        table with { ScalableTargets = [.. table.ScalableTargets.Where(t => t.Dimension != target.Dimension), target] };

    /// <summary>A user table, not a global index's hidden one.</summary>
    private TableDescription FindUserTable(string name) =>
        _tables.TryGetValue(name, out var table) && table.BaseTableName is null
            ? table
            : throw DynamoException.Validation($"DynamoDB table does not exist: {name}");

    /// <summary>The description a resource's targets are kept with: the table's, or its index's hidden table's.</summary>
    private TableDescription FindTargetHolder(ScalableResource resource)
    {
        var table = FindUserTable(resource.Table);
        if (resource.Index is null) return table;
        var index = table.GlobalIndexes.FirstOrDefault(i => i.Name == resource.Index)
            ?? throw DynamoException.Validation($"DynamoDB global secondary index {resource.Index} does not exist in table {resource.Table}");
        return Find(index.IndexTableName);
    }

    /// <summary>A table or index in PROVISIONED mode.</summary>
    private TableDescription FindScalable(ScalableResource resource)
    {
        var table = FindTargetHolder(resource);
        if (table.BillingMode != BillingMode.PROVISIONED)
            throw DynamoException.Validation($"DynamoDB table {resource.Table} is in on-demand mode, which does not take provisioned capacity");
        return table;
    }

    /// <summary>The resource whose targets a description keeps: a user table, or the index a hidden table holds (null while that index is being deleted).</summary>
    private ScalableResource? ResourceOf(TableDescription table) => table.BaseTableName is not { } baseName
        ? new ScalableResource(table.Name)
        : IndexOf(table) is { } index ? new ScalableResource(baseName, index.Name) : null;

    private GlobalSecondaryIndex? IndexOf(TableDescription hidden) =>
        _tables.TryGetValue(hidden.BaseTableName!, out var table) ? table.GlobalIndexes.FirstOrDefault(i => i.IndexTableName == hidden.Name) : null;

    /// <summary>Whether the day's quota allows one more decrease of a table's units, or of the index a hidden table holds.</summary>
    private bool DecreaseAllowed(TableDescription table, DateTimeOffset now) => table.BaseTableName is null
        ? DecreaseLimit.Allows(table.DecreasesToday(now), table.ThroughputDecreasedTime, now)
        : IndexOf(table) is not { } index || DecreaseLimit.Allows(index.DecreasesToday(now), index.ThroughputDecreasedTime, now);
}
