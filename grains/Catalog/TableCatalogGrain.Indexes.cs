using DataTier.Errors;
using DataTier.Indexes;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// Global secondary indexes in the catalog: each is a hidden table (not listed) named
/// <c>{table}/index/{index}</c>, created with its table or by UpdateTable, then backfilled by the
/// feeders of the base partitions, which report here when they are done.
/// </summary>
public sealed partial class TableCatalogGrain
{
    private static readonly TimeSpan BackfillPromptInterval = TimeSpan.FromSeconds(2);

    /// <summary>Every feeder is prompted this often (in prompts of backfills), whether or not its table is written to.</summary>
    private const int FeederPromptTicks = 5;

    // The first tick after activation prompts everything: after a restart, the work left over resumes at once.
    private int _promptTicks = FeederPromptTicks - 1;

    public async Task IndexPartitionBackfilled(string tableName, Guid indexTableId, int partitionId)
    {
        if (!_tables.TryGetValue(tableName, out var table)) return;
        var index = table.GlobalIndexes.FirstOrDefault(i => i.IndexTableId == indexTableId);
        if (index is null || !index.Backfilling || index.BackfilledPartitions.Contains(partitionId)) return;
        var done = index.BackfilledPartitions.Append(partitionId).Order().ToList();
        // A child's feeder reports once its parent's feeder is done, so the current partitions decide.
        var finished = table.Partitions.CurrentIds.All(done.Contains);
        var updated = index with
        {
            BackfilledPartitions = finished ? [] : done,
            Backfilling = !finished,
            Status = finished ? IndexStatus.ACTIVE : IndexStatus.CREATING,
        };
        await Save(table with { GlobalIndexes = table.GlobalIndexes.Select(i => i.IndexTableId == indexTableId ? updated : i).ToList() });
    }

    private GlobalSecondaryIndex NewGlobalIndex(string tableName, GlobalSecondaryIndex index, bool backfill) => index with
    {
        IndexTableId = Guid.NewGuid(),
        IndexTableName = $"{tableName}/index/{index.Name}",
        Status = backfill ? IndexStatus.CREATING : IndexStatus.ACTIVE,
        Backfilling = backfill,
        BackfilledPartitions = [],
        ItemCount = 0,
        SizeBytes = 0,
    };

    private TableDescription IndexTable(TableDescription table, GlobalSecondaryIndex index) => new()
    {
        Name = index.IndexTableName,
        Id = index.IndexTableId,
        KeySchema = index.KeySchema,
        AttributeDefinitions = ItemValidator.KeyAttributes(index.KeySchema).ToList(),
        BillingMode = table.BillingMode,
        ReadCapacityUnits = index.ReadCapacityUnits,
        WriteCapacityUnits = index.WriteCapacityUnits,
        OnDemandThroughput = index.OnDemandThroughput,
        CreationTime = clock.GetUtcNow(),
        Partitions = PartitionMap.Uniform(partitionOptions.Value.InitialPartitionsPerTable),
        BaseTableName = table.Name,
    };

    private async Task<TableDescription> UpdateIndexesAsync(TableDescription table, IReadOnlyList<GlobalIndexUpdate> updates,
        IReadOnlyList<KeyAttribute> definitions, BillingMode billing, bool tableThroughputChanges)
    {
        var changes = updates.Where(u => u.Update is null).ToList();
        if (changes.Count == 0) return table;
        if (changes.Count > 1 || updates.Count > 5)
            throw new DynamoException(DynamoErrorCode.LimitExceededException, "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        if (changes.Count < updates.Count || tableThroughputChanges)
            throw DynamoException.Validation("One or more parameter values were invalid: You cannot create or delete index while updating table IOPS");
        var update = changes[0];
        if (update.Delete is { } name)
        {
            var index = table.GlobalIndexes.FirstOrDefault(i => i.Name == name)
                ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Requested index: {name} not found for table: {table.Name}");
            _tables.Remove(index.IndexTableName);
            await store.PutCatalogEntryAsync(index.IndexTableName, null);
            var remaining = table with { GlobalIndexes = table.GlobalIndexes.Where(i => i != index).ToList() };
            remaining = remaining with { AttributeDefinitions = UsedDefinitions(remaining, remaining.AttributeDefinitions) };
            await Save(remaining);
            await NotifyPartitions(remaining);
            await DropIndexTableAsync(index);
            return remaining;
        }
        var create = update.Create!;
        if (table.GlobalIndexes.Any(i => i.Name == create.Name) || table.LocalIndexes.Any(i => i.Name == create.Name))
            throw DynamoException.Validation($"One or more parameter values were invalid: Index with name: {create.Name} already exists");
        if (table.GlobalIndexes.Count >= 20)
            throw DynamoException.Validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
        var merged = table.AttributeDefinitions.ToList();
        foreach (var d in definitions)
        {
            var existing = merged.FirstOrDefault(m => m.Name == d.Name);
            if (existing is null) merged.Add(d);
            else if (existing.Type != d.Type)
                throw DynamoException.Validation($"One or more parameter values were invalid: Attribute {d.Name} is defined with type {d.Type}, but is already defined with type {existing.Type}");
        }
        var keyNames = ItemValidator.KeyAttributes(create.KeySchema).Select(k => k.Name).ToList();
        if (keyNames.Any(k => merged.All(m => m.Name != k)))
            throw DynamoException.Validation($"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keyNames)}], AttributeDefinitions: [{string.Join(", ", merged.Select(m => m.Name))}]");
        if (billing == BillingMode.PROVISIONED && (create.ReadCapacityUnits < 1 || create.WriteCapacityUnits < 1))
            throw DynamoException.Validation($"One or more parameter values were invalid: ProvisionedThroughput must be specified for index: {create.Name}");
        if (billing == BillingMode.PAY_PER_REQUEST && (create.ReadCapacityUnits != 0 || create.WriteCapacityUnits != 0))
            throw DynamoException.Validation($"One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: {create.Name} when BillingMode is PAY_PER_REQUEST");
        var typedKeys = new TableKeySchema(merged.First(m => m.Name == keyNames[0]), keyNames.Count > 1 ? merged.First(m => m.Name == keyNames[1]) : null);
        var added = NewGlobalIndex(table.Name, IndexCapacity(create with { KeySchema = typedKeys }, billing), backfill: true);
        var used = table with { GlobalIndexes = [.. table.GlobalIndexes, added] };
        used = used with { AttributeDefinitions = UsedDefinitions(used, merged) };
        await Save(IndexTable(used, added));
        return used;
    }

    /// <summary>The definitions of the attributes the keys of the table and its indexes use, in the order given.</summary>
    private static List<KeyAttribute> UsedDefinitions(TableDescription table, IReadOnlyList<KeyAttribute> definitions)
    {
        var used = ItemValidator.KeyAttributes(table.KeySchema)
            .Concat(table.LocalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema)))
            .Concat(table.GlobalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema)))
            .Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        return definitions.Where(d => used.Contains(d.Name)).ToList();
    }

    private async Task DropIndexTableAsync(GlobalSecondaryIndex index)
    {
        if (_tables.Remove(index.IndexTableName, out var indexTable))
            await store.PutCatalogEntryAsync(index.IndexTableName, null);
        indexTable ??= new TableDescription
        {
            Name = index.IndexTableName,
            Id = index.IndexTableId,
            KeySchema = index.KeySchema,
            AttributeDefinitions = [],
            Partitions = PartitionMap.Uniform(partitionOptions.Value.InitialPartitionsPerTable),
        };
        await DropDataAsync(indexTable);
        await store.DeleteTableDataAsync(IndexFeedLog.StateTableOf(index.IndexTableId));
    }

    /// <summary>
    /// Feeders of indexes being backfilled are prompted until they are done, so a backfill resumes after
    /// a silo loss. Every 10 s all feeders are: base partitions prompt them only when they write, so a
    /// feeder lost with its silo while records were left would otherwise wait for the next write.
    /// </summary>
    private Task PromptBackfillsAsync(CancellationToken cancellationToken)
    {
        var all = ++_promptTicks % FeederPromptTicks == 0;
        if (all) PromptOutboxes();
        foreach (var table in _tables.Values)
        {
            PromptShippers(table, all);
            if (all)
            {
                foreach (var index in table.GlobalIndexes)
                    // Feeders of split parents too: a child's feeder waits until its parent's has drained.
                    foreach (var id in table.Partitions.AllIds)
                        GrainFactory.GetGrain<IIndexFeederGrain>(IndexFeedLog.FeederKey(table.Id, id, index.IndexTableId)).Poke().Ignore();
            }
            else if (table.GlobalIndexes.Any(i => i.Backfilling))
            {
                PromptBackfills(table);
            }
        }
        return Task.CompletedTask;
    }

    private void PromptBackfills(TableDescription table)
    {
        foreach (var index in table.GlobalIndexes.Where(i => i.Backfilling))
            foreach (var id in table.Partitions.CurrentIds)
                if (!index.BackfilledPartitions.Contains(id))
                    GrainFactory.GetGrain<IIndexFeederGrain>(IndexFeedLog.FeederKey(table.Id, id, index.IndexTableId)).Poke().Ignore();
    }
}
