using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Indexes;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>Query and Scan on secondary indexes; index statistics for DescribeTable.</summary>
public sealed partial class TableClient
{
    private async Task<IndexTarget?> ResolveIndexAsync(TableDescription table, string? indexName, bool consistentRead)
    {
        if (indexName is null) return null;
        if (table.LocalIndexes.All(i => i.Name != indexName) && table.GlobalIndexes.FirstOrDefault(i => i.Name == indexName) is not { Backfilling: false })
        {
            // The cached description may predate an index's creation or the end of its backfill.
            _router.Forget(table.Name);
            table = await _router.GetTableAsync(table.Name);
        }
        if (table.LocalIndexes.FirstOrDefault(i => i.Name == indexName) is { } local)
            return new IndexTarget(local.Name, table, local.Name, local.KeySchema, local.Projection, IndexKeys.KeyNames(table.KeySchema, local.KeySchema));
        var global = table.GlobalIndexes.FirstOrDefault(i => i.Name == indexName)
            ?? throw DynamoException.Validation($"The table does not have the specified index: {indexName}");
        if (consistentRead) throw DynamoException.Validation("Consistent reads are not supported on global secondary indexes");
        if (global.Backfilling) throw DynamoException.Validation($"Cannot read from backfilling global secondary index: {indexName}");
        var indexTable = await _router.GetTableAsync(global.IndexTableName);
        return new IndexTarget(global.Name, indexTable, null, global.KeySchema, global.Projection, IndexKeys.KeyNames(table.KeySchema, global.KeySchema));
    }

    /// <summary>A global index has only what it projects; a local one reads the rest from the items.</summary>
    private static void CheckSelectAllAttributes(IndexTarget index, Select? select)
    {
        if (select == Select.ALL_ATTRIBUTES && index.IsGlobal && index.Projection.Type != ProjectionType.ALL)
            throw DynamoException.Validation($"One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
    }

    /// <summary>A local index reads its items when asked for attributes its entries lack.</summary>
    private static bool FetchItems(TableDescription table, IndexTarget index, Select? select, IReadOnlyList<PathOperand>? projection, Condition? filter)
    {
        if (index.IsGlobal || index.Projection.Type == ProjectionType.ALL) return false;
        if (select == Select.ALL_ATTRIBUTES) return true;
        var names = (projection?.Select(p => p.TopLevelName) ?? []).Concat(filter is null ? [] : ConditionPaths.TopLevelNames(filter));
        if (IndexKeys.Covers(table.KeySchema, index.KeySchema, index.Projection, names)) return false;
        return true;
    }

    private async Task<ItemPage> QueryIndexAsync(TableDescription table, IndexTarget index, QueryRequest request, Condition keyCondition,
        Condition? filter, IReadOnlyList<PathOperand>? projection)
    {
        var plan = KeyConditionPlan.From(keyCondition, index.KeySchema);
        var range = IndexKeyRange.Of(plan);
        if (request.ExclusiveStartKey is not null)
        {
            var start = IndexStartPosition(table, index, request.ExclusiveStartKey);
            if (!range.Contains(start) && !request.ExclusiveStartKey[index.KeySchema.PartitionKey.Name].Equals(plan.PartitionValue))
                throw DynamoException.Validation("The provided starting key is outside query boundaries based on provided conditions");
            range = request.ScanIndexForward ? range with { Start = start, StartInclusive = false } : range with { End = start, EndInclusive = false };
        }
        KeyPathChecks.Check(table, projection);
        if (filter is not null && !request.FilterMayNameKeys) CheckFilterAvoidsKeys(filter, index.KeySchema, request.FilterName);
        // AWS's order, as dynalite's tests checked against it record: a filter naming the index's key, then Select, then key
        // paths; the start key before them is dynalite's order (AWS's is not recorded)
        CheckSelectAllAttributes(index, request.Select);
        if (!request.FilterMayNameKeys) KeyPathChecks.Check(table, filter);
        var fetch = FetchItems(table, index, request.Select, projection, filter);
        var limit = request.Limit ?? int.MaxValue;
        var page = await _router.PartitionOf(index.ReadTable, plan.Hash).ReadRange(
            new RangeRequest(range, !request.ScanIndexForward, limit, MaxPageBytes, projection, filter, index.LocalIndex, fetch, index.KeyNames, request.ConsistentRead));
        var more = !page.Exhausted || page.ScannedCount >= limit;
        return IndexPage(index, page.Items, page.ScannedCount, more ? page.LastKey : null, request.Select, CapacityUnits.Read(page.ScannedBytes, request.ConsistentRead));
    }

    private async Task<ItemPage> ScanIndexAsync(TableDescription table, IndexTarget index, ScanRequest request, (ulong Low, ulong High) hashes,
        Condition? filter, IReadOnlyList<PathOperand>? projection)
    {
        var fetch = FetchItems(table, index, request.Select, projection, filter);
        var start = ItemKey.EncodeHash(hashes.Low);
        var startInclusive = true;
        if (request.ExclusiveStartKey is not null)
        {
            var position = IndexStartPosition(table, index, request.ExclusiveStartKey);
            if (position.AsSpan().SequenceCompareTo(start) >= 0)
            {
                start = position;
                startInclusive = false;
            }
        }
        CheckKeyPaths(table, projection, filter);
        var end = hashes.High == ulong.MaxValue ? null : ItemKey.EncodeHash(hashes.High + 1);
        var range = new KeyRange(start, startInclusive, end, false);
        var limit = request.Limit ?? int.MaxValue;
        var items = new List<VersionedItem>();
        var scanned = 0;
        var bytes = 0;
        IReadOnlyDictionary<string, AttrValue>? last = null;
        var more = false;
        var readTable = index.ReadTable;
        var startHash = ItemKey.HashOf(start);
        for (var p = readTable.Partitions.PartitionOf(startHash); p <= readTable.Partitions.PartitionOf(hashes.High); p++)
        {
            var page = await _router.Partition(readTable, p).ReadRange(
                new RangeRequest(range, false, limit - scanned, MaxPageBytes - bytes, projection, filter, index.LocalIndex, fetch, index.KeyNames, request.ConsistentRead));
            items.AddRange(page.Items);
            scanned += page.ScannedCount;
            bytes += page.ScannedBytes;
            if (page.LastKey is not null) last = page.LastKey;
            if (!page.Exhausted || scanned >= limit || bytes >= MaxPageBytes)
            {
                more = true;
                break;
            }
        }
        return IndexPage(index, items, scanned, more ? last : null, request.Select, CapacityUnits.Read(bytes, request.ConsistentRead));
    }

    private static ItemPage IndexPage(IndexTarget index, IReadOnlyList<VersionedItem> items, int scanned, IReadOnlyDictionary<string, AttrValue>? lastKey, Select? select, double units)
    {
        var returned = select == Select.COUNT ? [] : items.Select(i => i.Attributes).ToList();
        return new ItemPage(returned, items.Count, scanned, lastKey, units, index.Name, index.IsGlobal);
    }

    /// <summary>An index's ExclusiveStartKey holds the table's key and the index's key.</summary>
    private static byte[] IndexStartPosition(TableDescription table, IndexTarget index, IReadOnlyDictionary<string, AttrValue> key)
    {
        var invalid = DynamoException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        foreach (var attribute in ItemValidator.KeyAttributes(table.KeySchema).Concat(ItemValidator.KeyAttributes(index.KeySchema)))
            if (!key.TryGetValue(attribute.Name, out var value) || value.Type != attribute.Type) throw invalid;
        return (IndexKeys.EntryKey(table.KeySchema, index.KeySchema, !index.IsGlobal, key) ?? throw invalid).Encode();
    }

    /// <summary>Item count and size of each index, for DescribeTable.</summary>
    private async Task<TableDescription> WithIndexStatsAsync(TableDescription table)
    {
        if (table.LocalIndexes.Count == 0 && table.GlobalIndexes.Count == 0) return table;
        var locals = new List<LocalSecondaryIndex>();
        foreach (var index in table.LocalIndexes)
        {
            var stats = await Task.WhenAll(Enumerable.Range(0, table.Partitions.Count).Select(p => _router.Partition(table, p).GetIndexStats(index.Name)));
            locals.Add(index with { ItemCount = stats.Sum(s => s.ItemCount), SizeBytes = stats.Sum(s => s.SizeBytes) });
        }
        var globals = new List<GlobalSecondaryIndex>();
        foreach (var index in table.GlobalIndexes)
        {
            var indexTable = await _router.Catalog.DescribeById(index.IndexTableId);
            if (indexTable is null)
            {
                globals.Add(index);
                continue;
            }
            var stats = await Task.WhenAll(Enumerable.Range(0, indexTable.Partitions.Count).Select(p => _router.Partition(indexTable, p).GetStats()));
            globals.Add(index with { ItemCount = stats.Sum(s => s.ItemCount), SizeBytes = stats.Sum(s => s.SizeBytes) });
        }
        return table with { LocalIndexes = locals, GlobalIndexes = globals };
    }
}
