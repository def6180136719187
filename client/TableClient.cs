using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Client.Routing;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Indexes;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Replicas;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>
/// Validates requests, parses their expressions once, and routes them to the partition grains that
/// own their keys. Used by services through the SDK and by the silo's DynamoDB HTTP endpoint (which
/// passes the silo's <see cref="LocalPartitions"/>, so reads of partitions active there skip the grain call).
/// </summary>
public sealed partial class TableClient(IGrainFactory grains, LocalPartitions? local = null) : ITableClient
{
    /// <summary>DynamoDB's page limit for Query and Scan.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    private readonly TableRouter _router = new(grains, local);

    public async Task<TableDescription> CreateTableAsync(TableDefinition definition)
    {
        RequestValidation.TableName(definition.Name);
        TableDefinitionValidator.Validate(definition);
        if (definition.ReplicaCount is { } replicas) ReplicaSetting.Validate(replicas);
        if (definition.Tags is not null) CheckTags(definition.Tags);
        ReplicaSetting.FromTags(definition.Tags);
        var description = await _router.Catalog.Create(definition);
        _router.Forget(definition.Name);
        return description;
    }

    public async Task<TableDescription> DescribeTableAsync(string tableName)
    {
        RequestValidation.TableName(tableName);
        return await _router.RetryOnSplitAsync(async () =>
        {
            var table = await _router.Catalog.Describe(tableName)
                ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {tableName} not found");
            var stats = await Task.WhenAll(Enumerable.Range(0, table.Partitions.Count).Select(p => _router.Partition(table, p).GetStats()));
            return await WithIndexStatsAsync(table with { ItemCount = stats.Sum(s => s.ItemCount), TableSizeBytes = stats.Sum(s => s.SizeBytes) });
        });
    }

    public Task<TableListPage> ListTablesAsync(string? exclusiveStartTableName = null, int? limit = null)
    {
        if (exclusiveStartTableName is not null) RequestValidation.TableName(exclusiveStartTableName, "exclusiveStartTableName");
        if (limit is < 1 or > 100)
            RequestValidation.Throw([limit < 1
                ? $"Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
                : $"Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100"]);
        return _router.Catalog.List(exclusiveStartTableName, limit ?? 100);
    }

    public async Task<TableDescription> DeleteTableAsync(string tableName)
    {
        RequestValidation.TableName(tableName);
        var description = await _router.Catalog.Delete(tableName);
        _router.Forget(tableName);
        return description;
    }

    public async Task<GetItemResult> GetItemAsync(GetItemRequest request)
    {
        RequestValidation.TableName(request.TableName);
        var context = new ExpressionContext(request.ExpressionAttributeNames, null);
        RequestValidation.ExpressionMaps(request.ExpressionAttributeNames, null, request.ProjectionExpression is not null);
        var projection = request.ProjectionExpression is null ? null : ExpressionParser.ParseProjection(request.ProjectionExpression, context);
        context.EnsureAllUsed();
        // The common case inside a silo, a known table and the item in memory here, skips the retry machinery.
        (Guid Table, ItemKey Key)? checkedKey = null;
        if (!request.ConsistentRead && _router.TryGetKnownTable(request.TableName, out var known))
        {
            var knownKey = ItemValidator.ValidatedKeyOf(known.KeySchema, request.Key);
            KeyPathChecks.Check(known, projection);
            if (_router.TryGetLocal(known, knownKey, out var local))
                return GetResult(local, projection, consistentRead: false, inMemory: true);
            checkedKey = (known.Id, knownKey);
        }
        return await _router.WithTableAsync(request.TableName, async table =>
        {
            // A table keeps its key schema for life, so a key checked against the same table (by id) stands.
            var key = checkedKey is { } c && c.Table == table.Id ? c.Key : ItemValidator.ValidatedKeyOf(table.KeySchema, request.Key);
            KeyPathChecks.Check(table, projection);
            var item = await _router.ReadAsync(table, table.Partitions.PartitionOf(key.Hash), request.ConsistentRead, p => p.Get(key));
            return GetResult(item, projection, request.ConsistentRead);
        });
    }

    private static GetItemResult GetResult(VersionedItem? item, IReadOnlyList<PathOperand>? projection, bool consistentRead, bool inMemory = false)
    {
        var units = CapacityUnits.Read(item?.Size ?? 0, consistentRead);
        if (item is null) return new GetItemResult(null, 0, units);
        if (projection is not null) return new GetItemResult(DocumentPath.Project(item.Attributes, projection), item.Version, units);
        return new GetItemResult(item.Attributes, item.Version, units, inMemory ? item : null);
    }

    public async Task<WriteItemResult> PutItemAsync(PutItemRequest request)
    {
        RequestValidation.TableName(request.TableName);
        CheckReturnValues(request.ReturnValues);
        // the item's values are checked before its expression, as DynamoDB does
        ItemValidator.ValidateValues(request.Item);
        var condition = ParseCondition(request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        return await PutAsync(request, condition, checkedTable: null);
    }

    /// <summary>
    /// A put whose request and item values are checked. The item's key and size are checked here, unless
    /// <paramref name="checkedTable"/> is the id of the table they were checked against (a batch checks every item before
    /// it writes any): a table keeps its key schema for life.
    /// </summary>
    private Task<WriteItemResult> PutAsync(PutItemRequest request, Condition? condition, Guid? checkedTable) =>
        _router.WithTableAsync(request.TableName, async table =>
        {
            if (table.Id != checkedTable) ItemValidator.ValidateKeysAndSize(table.KeySchema, request.Item);
            IndexKeyValidator.Validate(table, request.Item);
            var key = ItemValidator.ItemKeyOf(table.KeySchema, request.Item);
            var outcome = await _router.WriteAsync(table, key.Hash,
                new PutCommand(key, request.Item, condition, request.ExpectedVersion, request.ReturnValuesOnConditionCheckFailure, Returned(request.ReturnValues)),
                static (w, c) => w.TryPutAsync(c), static (g, c) => g.Put(c));
            return new WriteItemResult(outcome.Version, request.ReturnValues == ReturnValues.ALL_OLD ? outcome.OldItem : null, WriteUnits(outcome),
                CollectionOf(table, request.Item, outcome), outcome.IndexUnits, outcome.LocalIndexUnits);
        });

    public async Task<WriteItemResult> DeleteItemAsync(DeleteItemRequest request)
    {
        RequestValidation.TableName(request.TableName);
        CheckReturnValues(request.ReturnValues);
        var condition = ParseCondition(request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        return await DeleteAsync(request, condition, checkedTable: null);
    }

    /// <summary>A delete whose request is checked; its key is checked here unless it was against <paramref name="checkedTable"/> (see <see cref="PutAsync"/>).</summary>
    private Task<WriteItemResult> DeleteAsync(DeleteItemRequest request, Condition? condition, Guid? checkedTable) =>
        _router.WithTableAsync(request.TableName, async table =>
        {
            var key = table.Id == checkedTable ? ItemValidator.ItemKeyOf(table.KeySchema, request.Key) : ItemValidator.ValidatedKeyOf(table.KeySchema, request.Key);
            var outcome = await _router.WriteAsync(table, key.Hash,
                new DeleteCommand(key, condition, request.ExpectedVersion, request.ReturnValuesOnConditionCheckFailure, Returned(request.ReturnValues)),
                static (w, c) => w.TryDeleteAsync(c), static (g, c) => g.Delete(c));
            return new WriteItemResult(0, request.ReturnValues == ReturnValues.ALL_OLD ? outcome.OldItem : null, WriteUnits(outcome),
                CollectionOf(table, request.Key, outcome), outcome.IndexUnits, outcome.LocalIndexUnits);
        });

    public async Task<WriteItemResult> UpdateItemAsync(UpdateItemRequest request)
    {
        RequestValidation.TableName(request.TableName);
        var anyExpression = request.UpdateExpression is not null || request.ConditionExpression is not null;
        RequestValidation.ExpressionMaps(request.ExpressionAttributeNames, request.ExpressionAttributeValues, anyExpression);
        var context = new ExpressionContext(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var actions = request.UpdateExpression is null ? [] : ExpressionParser.ParseUpdate(request.UpdateExpression, context);
        var condition = request.ConditionExpression is null ? null : ExpressionParser.ParseCondition("ConditionExpression", request.ConditionExpression, context);
        context.EnsureAllUsed();
        return await _router.WithTableAsync(request.TableName, async table =>
        {
            var key = ItemValidator.ValidatedKeyOf(table.KeySchema, request.Key);
            UpdateKeyChecks.Check(table, actions);
            var outcome = await _router.WriteAsync(table, key.Hash,
                new UpdateCommand(key, request.Key, actions, condition, request.ExpectedVersion, request.ReturnValuesOnConditionCheckFailure, Returned(request.ReturnValues)),
                static (w, c) => w.TryUpdateAsync(c), static (g, c) => g.Update(c));
            // UPDATED_*: the updated paths only, nested ones inside their parents (SET a.b returns {a: {b}}).
            IReadOnlyDictionary<string, AttrValue>? attributes = request.ReturnValues switch
            {
                ReturnValues.ALL_OLD => outcome.OldItem,
                ReturnValues.ALL_NEW => outcome.NewItem,
                ReturnValues.UPDATED_OLD => UpdatedOnly(outcome.OldItem, actions),
                ReturnValues.UPDATED_NEW => UpdatedOnly(outcome.NewItem, actions),
                _ => null,
            };
            return new WriteItemResult(outcome.Version, attributes, WriteUnits(outcome), CollectionOf(table, request.Key, outcome), outcome.IndexUnits, outcome.LocalIndexUnits);
        });
    }

    /// <summary>ItemCollectionMetrics of a write to a table with local secondary indexes.</summary>
    private static ItemCollectionSize? CollectionOf(TableDescription table, IReadOnlyDictionary<string, AttrValue> key, WriteOutcome outcome) =>
        outcome.CollectionBytes is { } bytes ? CollectionKeyOf(table, key, bytes) : null;

    private static ItemCollectionSize CollectionKeyOf(TableDescription table, IReadOnlyDictionary<string, AttrValue> key, long bytes) =>
        new(new Dictionary<string, AttrValue> { [table.KeySchema.PartitionKey.Name] = key[table.KeySchema.PartitionKey.Name] }, bytes);

    /// <summary>The paths the actions updated, of the item (UPDATED_OLD, UPDATED_NEW).</summary>
    private static Dictionary<string, AttrValue>? UpdatedOnly(IReadOnlyDictionary<string, AttrValue>? item, IReadOnlyList<UpdateAction> actions)
    {
        if (item is null) return null;
        var result = DocumentPath.Project(item, actions.Select(a => a.Path).ToList());
        return result.Count == 0 ? null : result;
    }

    public async Task<ItemPage> QueryAsync(QueryRequest request)
    {
        RequestValidation.TableName(request.TableName);
        RequestValidation.Limit(request.Limit);
        RequestValidation.ExpressionMaps(request.ExpressionAttributeNames, request.ExpressionAttributeValues, true);
        var context = new ExpressionContext(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var keyCondition = ExpressionParser.ParseCondition("KeyConditionExpression", request.KeyConditionExpression, context);
        var filter = request.FilterExpression is null ? null : ExpressionParser.ParseCondition("FilterExpression", request.FilterExpression, context);
        var projection = ParseProjection(request.ProjectionExpression, request.Select, context);
        context.EnsureAllUsed();
        return await _router.WithTableAsync(request.TableName, async table =>
        {
            if (await ResolveIndexAsync(table, request.IndexName, request.ConsistentRead) is { } index)
                return await QueryIndexAsync(table, index, request, keyCondition, filter, projection);
            var plan = KeyConditionPlan.From(keyCondition, table.KeySchema);
            var range = plan.ToRange();
            // dynalite's order (AWS's is not recorded): the start key, then the projection's and the filter's key paths
            if (request.ExclusiveStartKey is not null)
            {
                var start = StartPosition(table, request.ExclusiveStartKey);
                if (!range.Contains(start) && !SamePartitionKey(table, request.ExclusiveStartKey, plan))
                    throw DynamoException.Validation("The provided starting key is outside query boundaries based on provided conditions");
                range = request.ScanIndexForward ? range with { Start = start, StartInclusive = false } : range with { End = start, EndInclusive = false };
            }
            KeyPathChecks.Check(table, projection);
            if (filter is not null && !request.FilterMayNameKeys) CheckFilterAvoidsKeys(filter, table.KeySchema, request.FilterName);
            if (!request.FilterMayNameKeys) KeyPathChecks.Check(table, filter);
            var limit = request.Limit ?? int.MaxValue;
            var read = new RangeRequest(range, !request.ScanIndexForward, limit, MaxPageBytes, projection, filter, Consistent: request.ConsistentRead);
            var page = await _router.ReadAsync(table, table.Partitions.PartitionOf(plan.Hash), request.ConsistentRead, p => p.ReadRange(read));
            var more = !page.Exhausted || page.ScannedCount >= limit;
            return ToPage(table, page.Items, page.ScannedCount, more ? page.LastPosition : null, request.Select,
                CapacityUnits.Read(page.ScannedBytes, request.ConsistentRead));
        });
    }

    public async Task<ItemPage> ScanAsync(ScanRequest request)
    {
        RequestValidation.TableName(request.TableName);
        RequestValidation.Limit(request.Limit);
        var (lowHash, highHash) = ScanSegments.HashRange(request.Segment, request.TotalSegments);
        RequestValidation.ExpressionMaps(request.ExpressionAttributeNames, request.ExpressionAttributeValues,
            request.ProjectionExpression is not null || request.FilterExpression is not null);
        var context = new ExpressionContext(request.ExpressionAttributeNames, request.ExpressionAttributeValues);
        var filter = request.FilterExpression is null ? null : ExpressionParser.ParseCondition("FilterExpression", request.FilterExpression, context);
        var projection = ParseProjection(request.ProjectionExpression, request.Select, context);
        context.EnsureAllUsed();
        return await _router.WithTableAsync(request.TableName, async table =>
        {
            var index = await ResolveIndexAsync(table, request.IndexName, request.ConsistentRead);
            if (index is not null) CheckSelectAllAttributes(index, request.Select);
            if (index is not null) return await ScanIndexAsync(table, index, request, (lowHash, highHash), filter, projection);
            var start = ItemKey.EncodeHash(lowHash);
            var startInclusive = true;
            if (request.ExclusiveStartKey is not null)
            {
                var position = StartPosition(table, request.ExclusiveStartKey);
                if (position.AsSpan().SequenceCompareTo(start) >= 0)
                {
                    start = position;
                    startInclusive = false;
                }
            }
            CheckKeyPaths(table, projection, filter);
            var end = highHash == ulong.MaxValue ? null : ItemKey.EncodeHash(highHash + 1);
            var range = new KeyRange(start, startInclusive, end, false);
            var limit = request.Limit ?? int.MaxValue;
            var items = new List<VersionedItem>();
            var scanned = 0;
            var bytes = 0;
            byte[]? last = null;
            var more = false;
            var startHash = ItemKey.HashOf(start);
            for (var p = table.Partitions.PartitionOf(startHash); p <= table.Partitions.PartitionOf(highHash); p++)
            {
                var read = new RangeRequest(range, false, limit - scanned, MaxPageBytes - bytes, projection, filter, Consistent: request.ConsistentRead);
                var page = await _router.ReadAsync(table, p, request.ConsistentRead, partition => partition.ReadRange(read));
                items.AddRange(page.Items);
                scanned += page.ScannedCount;
                bytes += page.ScannedBytes;
                if (page.LastPosition is not null) last = page.LastPosition;
                if (!page.Exhausted || scanned >= limit || bytes >= MaxPageBytes)
                {
                    more = true;
                    break;
                }
            }
            return ToPage(table, items, scanned, more ? last : null, request.Select, CapacityUnits.Read(bytes, request.ConsistentRead));
        });
    }

    /// <summary>A Query's filter may not name the key attributes; the key condition is the place for them.</summary>
    /// <summary>A Scan's projection and filter may not reach into key attributes; checked after its start key, in dynalite's order.</summary>
    private static void CheckKeyPaths(TableDescription table, IReadOnlyList<PathOperand>? projection, Condition? filter)
    {
        KeyPathChecks.Check(table, projection);
        KeyPathChecks.Check(table, filter);
    }

    private static void CheckFilterAvoidsKeys(Condition filter, TableKeySchema keySchema, string filterName)
    {
        foreach (var key in ItemValidator.KeyAttributes(keySchema))
            if (ConditionPaths.TopLevelNames(filter).Contains(key.Name))
                throw DynamoException.Validation($"{filterName} can only contain non-primary key attributes: Primary key attribute: {key.Name}");
    }

    /// <summary>A write consumes units for the larger of the item before and after it.</summary>
    private static double WriteUnits(WriteOutcome outcome) => CapacityUnits.Write(outcome.ItemBytes);

    /// <summary>The items a write's outcome must carry back for its ReturnValues.</summary>
    private static ReturnedItems Returned(ReturnValues returnValues) => returnValues switch
    {
        ReturnValues.ALL_OLD or ReturnValues.UPDATED_OLD => ReturnedItems.Old,
        ReturnValues.ALL_NEW or ReturnValues.UPDATED_NEW => ReturnedItems.New,
        _ => ReturnedItems.None,
    };

    private static ItemPage ToPage(TableDescription table, IReadOnlyList<VersionedItem> items, int scanned, byte[]? lastPosition, Select? select, double units)
    {
        var lastKey = lastPosition is null ? null : ItemValidator.KeyOfPosition(table.KeySchema, lastPosition);
        var returned = select == Select.COUNT ? [] : items.Select(i => i.Attributes).ToList();
        return new ItemPage(returned, items.Count, scanned, lastKey, units);
    }

    private static Condition? ParseCondition(string? expression, IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttrValue>? values)
    {
        RequestValidation.ExpressionMaps(names, values, expression is not null);
        if (expression is null) return null;
        var context = new ExpressionContext(names, values);
        var condition = ExpressionParser.ParseCondition("ConditionExpression", expression, context);
        context.EnsureAllUsed();
        return condition;
    }

    private static IReadOnlyList<PathOperand>? ParseProjection(string? expression, Select? select, ExpressionContext context)
    {
        if (expression is not null && select is Select.ALL_ATTRIBUTES or Select.COUNT)
            throw DynamoException.Validation($"1 validation error detected: Cannot specify the ProjectionExpression when choosing to get {select}");
        if (expression is null && select == Select.SPECIFIC_ATTRIBUTES)
            throw DynamoException.Validation("1 validation error detected: SPECIFIC_ATTRIBUTES requires either AttributesToGet or ProjectionExpression");
        return expression is null ? null : ExpressionParser.ParseProjection(expression, context);
    }

    private static void CheckReturnValues(ReturnValues returnValues)
    {
        if (returnValues is not (ReturnValues.NONE or ReturnValues.ALL_OLD))
            throw DynamoException.Validation("ReturnValues can only be ALL_OLD or NONE");
    }

    private static byte[] StartPosition(TableDescription table, IReadOnlyDictionary<string, AttrValue> exclusiveStartKey)
    {
        try
        {
            return ItemValidator.ValidatedKeyOf(table.KeySchema, exclusiveStartKey).Encode();
        }
        catch (DynamoException)
        {
            throw DynamoException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
    }

    private static bool SamePartitionKey(TableDescription table, IReadOnlyDictionary<string, AttrValue> key, KeyConditionPlan plan) =>
        key[table.KeySchema.PartitionKey.Name].Equals(plan.PartitionValue);
}
