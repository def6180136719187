using System.Text.Json;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Replicas;
using DataTier.Store;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Catalog;

public sealed partial class TableCatalogGrain(ITableStore store, IOptions<PartitionOptions> partitionOptions,
    IOptions<AutoScalingOptions> autoScalingOptions, IOptions<RecoveryOptions> recoveryOptions, IOptions<GlobalTablesOptions> globalTablesOptions, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<TableCatalogGrain> logger)
    : Grain, ITableCatalogGrain
{
    private readonly SortedDictionary<string, TableDescription> _tables = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, bytes) in await store.ReadCatalogAsync())
            if (!LoadedAsBackup(name, bytes)) _tables[name] = JsonSerializer.Deserialize<TableDescription>(bytes)!;
        this.RegisterGrainTimer(PromptBackfillsAsync, BackfillPromptInterval, BackfillPromptInterval);
        StartAutoScaling();
        StartRecoveryFolds();
    }

    public Task<TableDescription> Create(TableDefinition definition) => CreateAsync(definition, d => d);

    /// <summary>Creates a table from its definition, its description given its last touches by <paramref name="shape"/> before it is stored.</summary>
    private async Task<TableDescription> CreateAsync(TableDefinition definition, Func<TableDescription, TableDescription> shape)
    {
        if (_tables.ContainsKey(definition.Name))
            throw new DynamoException(DynamoErrorCode.ResourceInUseException, $"Table already exists: {definition.Name}");
        definition.Stream?.Validate();
        if (definition.ReplicaCount is { } replicas) ReplicaSetting.Validate(replicas);
        var replicaCount = definition.ReplicaCount ?? ReplicaSetting.FromTags(definition.Tags) ?? partitionOptions.Value.ReplicaCount;
        var now = clock.GetUtcNow();
        var streamEnabled = definition.Stream is { Enabled: true };
        var (onDemand, warm) = Capacity(OnDemandThroughput.None, null, definition.OnDemandThroughput, definition.WarmThroughput, definition.BillingMode,
            (definition.ReadCapacityUnits, definition.WriteCapacityUnits), index: null);
        var description = new TableDescription
        {
            Name = definition.Name,
            Id = Guid.NewGuid(),
            KeySchema = definition.KeySchema,
            AttributeDefinitions = definition.AttributeDefinitions,
            BillingMode = definition.BillingMode,
            ReadCapacityUnits = definition.ReadCapacityUnits,
            WriteCapacityUnits = definition.WriteCapacityUnits,
            CreationTime = clock.GetUtcNow(),
            Status = TableStatus.ACTIVE,
            Partitions = PartitionMap.Uniform(partitionOptions.Value.InitialPartitionsPerTable),
            BillingModeChangedTime = definition.BillingMode == BillingMode.PAY_PER_REQUEST ? clock.GetUtcNow() : null,
            StreamViewType = streamEnabled ? definition.Stream!.ViewType : null,
            LatestStreamLabel = streamEnabled ? StreamLabel(now) : null,
            LatestStreamViewType = streamEnabled ? definition.Stream!.ViewType : null,
            LocalIndexes = definition.LocalIndexes,
            GlobalIndexes = definition.GlobalIndexes.Select(i => NewGlobalIndex(definition.Name, IndexCapacity(i, definition.BillingMode), backfill: false)).ToList(),
            Tags = definition.Tags ?? new Dictionary<string, string>(),
            ReplicaCount = replicaCount,
            DeletionProtectionEnabled = definition.DeletionProtectionEnabled,
            TableClass = definition.TableClass,
            TableClassUpdated = definition.TableClass is null ? null : now,
            OnDemandThroughput = onDemand,
            WarmThroughput = warm,
        };
        description = shape(description);
        foreach (var index in description.GlobalIndexes) await Save(IndexTable(description, index));
        await Save(description);
        return description;
    }

    public Task<TableDescription?> Describe(string name) =>
        Task.FromResult(_tables.TryGetValue(name, out var description) ? description : null);

    public Task<TableDescription?> DescribeById(Guid id) =>
        Task.FromResult(_tables.Values.FirstOrDefault(t => t.Id == id));

    public Task<TableListPage> List(string? exclusiveStartTableName, int limit)
    {
        var names = _tables.Where(t => t.Value.BaseTableName is null).Select(t => t.Key)
            .Where(n => exclusiveStartTableName is null || string.CompareOrdinal(n, exclusiveStartTableName) > 0)
            .Take(limit + 1)
            .ToList();
        var more = names.Count > limit;
        if (more) names.RemoveAt(limit);
        return Task.FromResult(new TableListPage(names, more ? names[^1] : null));
    }

    public Task<TableDescription> Update(string name, TableUpdate update) => UpdateAsync(name, update, scaled: false);

    /// <summary>
    /// UpdateTable's change, or (<paramref name="scaled"/>) auto scaling's here, which is this region's alone: it leaves the table's
    /// values kept beside this region's own settings as they are.
    /// </summary>
    private async Task<TableDescription> UpdateAsync(string name, TableUpdate update, bool scaled)
    {
        var table = Find(name);
        var billing = update.BillingMode ?? table.BillingMode;
        var read = update.ReadCapacityUnits ?? (billing == BillingMode.PAY_PER_REQUEST ? 0 : table.ReadCapacityUnits);
        var write = update.WriteCapacityUnits ?? (billing == BillingMode.PAY_PER_REQUEST ? 0 : table.WriteCapacityUnits);
        if (billing == BillingMode.PROVISIONED && (read < 1 || write < 1))
            throw DynamoException.Validation("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: " + name);
        if (update.BillingMode is null or BillingMode.PROVISIONED && table.BillingMode == BillingMode.PROVISIONED
            && update.ReadCapacityUnits is not null && read == table.ReadCapacityUnits && write == table.WriteCapacityUnits)
            throw DynamoException.Validation(
                $"The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: {table.ReadCapacityUnits}. Requested ReadCapacityUnits: {read}. Current WriteCapacityUnits provisioned for the table: {table.WriteCapacityUnits}. Requested WriteCapacityUnits: {write}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to increase them.");
        read = ReadUnitsHere(table, billing, read);
        var now = clock.GetUtcNow();
        var decreased = billing == BillingMode.PROVISIONED && table.BillingMode == BillingMode.PROVISIONED
            && (read < table.ReadCapacityUnits || write < table.WriteCapacityUnits);
        if (decreased) DecreaseLimit.Check(table.DecreasesToday(now), table.ThroughputDecreasedTime, now);
        var (onDemand, warm) = Capacity(table.OnDemandThroughput, table.WarmThroughput, update.OnDemandThroughput, update.WarmThroughput, billing, (read, write), index: null);
        onDemand = OnDemandHere(table, onDemand);
        if (update.Stream is { } stream)
        {
            stream.Validate();
            if (stream.Enabled && table.StreamViewType is not null)
                throw DynamoException.Validation($"Table already has an enabled stream: TableName: {name}");
            if (!stream.Enabled && table.StreamViewType is null)
                throw DynamoException.Validation($"Table has no stream to disable: TableName: {name}");
            if (!stream.Enabled && table.RegionReplicas.Count > 0)
                throw DynamoException.Validation($"Table: {name} has replicas in other regions: its stream (NEW_AND_OLD_IMAGES) cannot be disabled");
            table = table with
            {
                StreamViewType = stream.ViewType,
                LatestStreamLabel = stream.Enabled ? StreamLabel(now) : table.LatestStreamLabel,
                LatestStreamViewType = stream.ViewType ?? table.LatestStreamViewType,
            };
        }
        if (update.ReplicaCount is { } replicas) table = WithReplicaCount(table, replicas);
        if (update.DeletionProtectionEnabled is { } protect) table = table with { DeletionProtectionEnabled = protect };
        if (update.TableClass is { } tableClass)
            table = table.LocalReplicaSettings is { TableClassOverride: not null } own
                ? table with { LocalReplicaSettings = own with { TableClassElsewhere = tableClass } }
                : table with { TableClass = tableClass, TableClassUpdated = now };
        table = UpdateIndexThroughput(table, update.IndexUpdates, billing, now);
        if (update.IndexUpdates is { Count: > 0 } indexUpdates)
            table = await UpdateIndexesAsync(table, indexUpdates, update.AttributeDefinitions ?? [], billing, update.ReadCapacityUnits is not null);
        var updated = table with
        {
            BillingMode = billing,
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
            BillingModeChangedTime = billing != table.BillingMode && billing == BillingMode.PAY_PER_REQUEST ? now : table.BillingModeChangedTime,
            ThroughputIncreasedTime = read > table.ReadCapacityUnits || write > table.WriteCapacityUnits ? now : table.ThroughputIncreasedTime,
            ThroughputDecreasedTime = read < table.ReadCapacityUnits || write < table.WriteCapacityUnits ? now : table.ThroughputDecreasedTime,
            // A switch to on demand drops the units without counting as a decrease (as DynamoDB reports it).
            DecreasesOnThatDay = decreased ? table.DecreasesToday(now) + 1 : table.DecreasesOnThatDay,
            OnDemandThroughput = onDemand,
            WarmThroughput = warm,
        };
        if (!scaled && updated.LocalReplicaSettings is { } settings) updated = updated with { LocalReplicaSettings = GlobalTables.TableValues.Following(settings, update) };
        updated = WithValidReplicaSettings(updated);
        await Save(updated);
        await NotifyPartitions(updated);
        await SyncIndexTablesAsync(updated);
        if (update.IndexUpdates?.Any(u => u.Update is null) == true)
        {
            PromptBackfills(updated);
            return updated with { Status = TableStatus.UPDATING };
        }
        return updated;
    }

    public async Task<TableDescription> UpdateTimeToLive(string name, TimeToLiveSpecification specification)
    {
        var table = Find(name);
        var current = table.TimeToLiveAttribute;
        if (current is not null && current != specification.AttributeName)
            throw DynamoException.Validation($"TimeToLive is active on a different AttributeName: current AttributeName is {current}");
        if (specification.Enabled && current is not null) throw DynamoException.Validation("TimeToLive is already enabled");
        if (!specification.Enabled && current is null) throw DynamoException.Validation("TimeToLive is already disabled");
        var updated = table with { TimeToLiveAttribute = specification.Enabled ? specification.AttributeName : null };
        await Save(updated);
        await NotifyPartitions(updated);
        return updated;
    }

    public async Task Tag(string arn, IReadOnlyDictionary<string, string> tags)
    {
        var table = FindByArn(arn);
        var merged = new Dictionary<string, string>(table.Tags);
        foreach (var (k, v) in tags) merged[k] = v;
        if (merged.Count > 50) throw new DynamoException(DynamoErrorCode.LimitExceededException, "The number of tags exceeds the limit of 50");
        var replicas = ReplicaSetting.FromTags(tags) ?? table.ReplicaCount;
        await SaveAndNotifyReplicas(table, table with { Tags = merged, ReplicaCount = replicas });
    }

    public async Task Untag(string arn, IReadOnlyList<string> keys)
    {
        var table = FindByArn(arn);
        var remaining = new Dictionary<string, string>(table.Tags);
        foreach (var k in keys) remaining.Remove(k);
        var replicas = keys.Contains(ReplicaSetting.TagName) ? partitionOptions.Value.ReplicaCount : table.ReplicaCount;
        await SaveAndNotifyReplicas(table, table with { Tags = remaining, ReplicaCount = replicas });
    }

    /// <summary>Sets the replica count, and the tag to match when the table has it, so the two never disagree.</summary>
    private static TableDescription WithReplicaCount(TableDescription table, int replicas)
    {
        ReplicaSetting.Validate(replicas);
        if (!table.Tags.ContainsKey(ReplicaSetting.TagName)) return table with { ReplicaCount = replicas };
        var tags = new Dictionary<string, string>(table.Tags) { [ReplicaSetting.TagName] = replicas.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return table with { ReplicaCount = replicas, Tags = tags };
    }

    /// <summary>Partitions start or stop their replicas when the count changes.</summary>
    private async Task SaveAndNotifyReplicas(TableDescription before, TableDescription after)
    {
        await Save(after);
        if (after.ReplicaCount != before.ReplicaCount) await NotifyPartitions(after);
    }

    private TableDescription Find(string name) => _tables.TryGetValue(name, out var table)
        ? table
        : throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");

    private TableDescription FindByArn(string arn) => _tables.Values.FirstOrDefault(t => t.Arn == arn)
        ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: ResourcArn: {arn} not found");

    private async Task Save(TableDescription table)
    {
        await store.PutCatalogEntryAsync(table.Name, JsonSerializer.SerializeToUtf8Bytes(table));
        _tables[table.Name] = table;
    }

    public async Task<TableDescription> Delete(string name)
    {
        if (!_tables.TryGetValue(name, out var description))
            throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");
        if (description.BaseTableName is not null) throw DynamoException.TableNotFound();
        if (description.DeletionProtectionEnabled)
            throw DynamoException.Validation($"1 validation error detected: Table '{name}' can't be deleted while DeletionProtectionEnabled is set to True");
        if (description.Recovery is { EarliestRestorableTime: not null } recovery) await KeepDeletedTableBackupAsync(description, recovery);
        await store.PutCatalogEntryAsync(name, null);
        _tables.Remove(name);
        await DropDataAsync(description);
        foreach (var index in description.GlobalIndexes) await DropIndexTableAsync(index);
        return description with { Status = TableStatus.DELETING };
    }

    private async Task DropDataAsync(TableDescription description)
    {
        foreach (var id in description.Partitions.AllIds)
            await GrainFactory.GetGrain<IPartitionGrain>(description.PartitionGrainKey(id)).Drop();
        await store.DeleteTableDataAsync(description.Id);
        await store.DeleteTableDataAsync(Transactions.TransactionLedger.LockTableOf(description.Id));
        await store.DeleteTableDataAsync(Recovery.RecoveryLog.BaseTableOf(description.Id));
        await store.DeleteTableDataAsync(GlobalTables.ReplicationLog.StateTableOf(description.Id));
    }

    /// <summary>Partitions write by their table's description (stream, time to live): tell them it changed.</summary>
    private async Task NotifyPartitions(TableDescription table)
    {
        foreach (var id in table.Partitions.CurrentIds)
            await GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id)).UpdateDescription(table);
    }

    /// <summary>DynamoDB labels a stream with the UTC time it was enabled, to the millisecond.</summary>
    private static string StreamLabel(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
