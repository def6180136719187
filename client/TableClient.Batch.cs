using System.Runtime.CompilerServices;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Indexes;
using DataTier.Model;

namespace DataTier.Client;

/// <summary>BatchGetItem and BatchWriteItem: every request is validated first, then the reads or writes run in parallel, each atomic on its own.</summary>
public sealed partial class TableClient
{
    public const int MaxBatchGetKeys = 100;
    public const int MaxBatchWrites = 25;
    public const int MaxBatchGetBytes = 16 * 1024 * 1024;

    /// <summary>Before the table is looked up, as dynalite does: two keys of equal attributes (numbers by value); at most 100 keys in all, so pairs are few.</summary>
    private static void CheckDuplicateKeys(IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> keys)
    {
        for (var i = 1; i < keys.Count; i++)
            for (var j = 0; j < i; j++)
                if (keys[i].Count == keys[j].Count && keys[i].All(a => keys[j].TryGetValue(a.Key, out var other) && a.Value.Equals(other)))
                    throw DynamoException.Validation("Provided list of item keys contains duplicates");
    }

    private static void CheckProjection(KeysAndAttributes request)
    {
        var context = new ExpressionContext(request.ExpressionAttributeNames, null);
        RequestValidation.ExpressionMaps(request.ExpressionAttributeNames, null, request.ProjectionExpression is not null);
        if (request.ProjectionExpression is not null) ExpressionParser.ParseProjection(request.ProjectionExpression, context);
        context.EnsureAllUsed();
    }

    public async Task<BatchGetItemResult> BatchGetItemAsync(IReadOnlyDictionary<string, KeysAndAttributes> requestItems)
    {
        if (requestItems.Count == 0) RequestValidation.Throw(["Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
        if (requestItems.Values.Sum(r => r.Keys.Count) > MaxBatchGetKeys) throw DynamoException.Validation("Too many items requested for the BatchGetItem call");
        foreach (var (table, request) in requestItems)
        {
            RequestValidation.TableName(table, "requestItems.member.key");
            if (request.Keys.Count == 0)
                RequestValidation.Throw(["Value '[]' at 'requestItems." + table + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
            CheckProjection(request);
            CheckDuplicateKeys(request.Keys);
        }
        // dynalite's order: every table's expressions before any table is looked up and its keys checked
        foreach (var (table, request) in requestItems)
        {
            var description = await _router.GetTableAsync(table);
            foreach (var key in request.Keys) ItemValidator.ValidateKey(description.KeySchema, key);
        }

        var refusal = new StrongBox<DynamoException?>();
        var reads = requestItems.SelectMany(t => t.Value.Keys.Select(key => (Table: t.Key, Request: t.Value, Key: key,
            Task: UnlessThrottled(refusal, GetItemAsync(new GetItemRequest
            {
                TableName = t.Key,
                Key = key,
                ProjectionExpression = t.Value.ProjectionExpression,
                ExpressionAttributeNames = t.Value.ExpressionAttributeNames,
                ConsistentRead = t.Value.ConsistentRead,
            }))))).ToList();
        await Task.WhenAll(reads.Select(r => r.Task));
        // Keys a PROVISIONED table had no capacity for are handed back; only when none was read does the batch fail.
        if (reads.All(r => r.Task.Result is null)) throw refusal.Value!;

        var responses = requestItems.Keys.ToDictionary(t => t, _ => new List<IReadOnlyDictionary<string, AttrValue>>());
        var unprocessed = new Dictionary<string, List<IReadOnlyDictionary<string, AttrValue>>>();
        var bytes = 0;
        foreach (var read in reads)
        {
            if (read.Task.Result is not { } result)
            {
                (unprocessed.TryGetValue(read.Table, out var throttled) ? throttled : unprocessed[read.Table] = []).Add(read.Key);
                continue;
            }
            var item = result.Item;
            if (item is null) continue;
            var size = ItemSize.Of(item);
            if (bytes + size > MaxBatchGetBytes)
            {
                // Past the 16 MB response limit the rest is handed back, as DynamoDB does.
                (unprocessed.TryGetValue(read.Table, out var keys) ? keys : unprocessed[read.Table] = []).Add(read.Key);
                continue;
            }
            bytes += size;
            responses[read.Table].Add(item);
        }
        var capacity = requestItems.Keys.ToDictionary(t => t, t => reads.Where(r => r.Table == t).Sum(r => r.Task.Result?.CapacityUnits ?? 0));
        return new BatchGetItemResult(
            responses.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<IReadOnlyDictionary<string, AttrValue>>)kv.Value),
            unprocessed.ToDictionary(kv => kv.Key, kv => new KeysAndAttributes
            {
                Keys = kv.Value,
                ProjectionExpression = requestItems[kv.Key].ProjectionExpression,
                ExpressionAttributeNames = requestItems[kv.Key].ExpressionAttributeNames,
                ConsistentRead = requestItems[kv.Key].ConsistentRead,
            }),
            capacity);
    }

    public async Task<BatchWriteItemResult> BatchWriteItemAsync(IReadOnlyDictionary<string, IReadOnlyList<BatchWrite>> requestItems)
    {
        if (requestItems.Count == 0) RequestValidation.Throw(["Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
        if (requestItems.Values.Sum(r => r.Count) > MaxBatchWrites) throw DynamoException.Validation("Too many items requested for the BatchWriteItem call");
        // AWS checks every value of the request (a set's duplicates, numbers) before any table's keys
        foreach (var write in requestItems.Values.SelectMany(w => w))
            if ((write.Item ?? write.Key) is { } attributes) ItemValidator.ValidateValues(attributes);
        var checkedTables = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (table, writes) in requestItems)
        {
            RequestValidation.TableName(table, "requestItems.member.key");
            if (writes.Count == 0)
                RequestValidation.Throw(["Value '[]' at 'requestItems." + table + ".member' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
            var description = await _router.GetTableAsync(table);
            checkedTables[table] = description.Id;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var write in writes)
            {
                if ((write.Item is null) == (write.Key is null))
                    throw DynamoException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                // a put's key attribute of another type is refused as a key is, not with PutItem's type mismatch
                if (write.Item is not null && ItemValidator.KeyAttributes(description.KeySchema).Any(k => !write.Item.TryGetValue(k.Name, out var v) || v.Type != k.Type))
                    throw DynamoException.Validation("The provided key element does not match the schema");
                if (write.Item is not null)
                {
                    ItemValidator.ValidateKeysAndSize(description.KeySchema, write.Item);
                    // before any write is made: a refused batch writes nothing
                    IndexKeyValidator.Validate(description, write.Item);
                }
                else ItemValidator.ValidateKey(description.KeySchema, write.Key!);
                var key = ItemValidator.ItemKeyOf(description.KeySchema, write.Item ?? write.Key!);
                if (!seen.Add(Convert.ToBase64String(key.Encode())))
                    throw DynamoException.Validation("Provided list of item keys contains duplicates");
            }
        }
        var refusal = new StrongBox<DynamoException?>();
        // Each write is checked above, once: the writes skip PutItem's and DeleteItem's checks.
        var pending = requestItems.SelectMany(t => t.Value.Select(write => (Table: t.Key, Write: write, Task: UnlessThrottled(refusal, write.Item is not null
            ? PutAsync(new PutItemRequest { TableName = t.Key, Item = write.Item }, null, checkedTables[t.Key])
            : DeleteAsync(new DeleteItemRequest { TableName = t.Key, Key = write.Key! }, null, checkedTables[t.Key]))))).ToList();
        await Task.WhenAll(pending.Select(w => w.Task));
        // Writes a PROVISIONED table had no capacity for are handed back; only when none was made does the batch fail.
        if (pending.All(w => w.Task.Result is null)) throw refusal.Value!;
        var done = pending.Where(w => w.Task.Result is not null).Select(w => (w.Table, Result: w.Task.Result!)).ToList();
        var unprocessed = pending.Where(w => w.Task.Result is null).GroupBy(w => w.Table)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BatchWrite>)[.. g.Select(w => w.Write)]);
        var capacity = requestItems.Keys.ToDictionary(t => t, t => done.Where(w => w.Table == t).Sum(w => w.Result.TotalCapacityUnits));
        return new BatchWriteItemResult(unprocessed, capacity,
            ItemCollectionSize.ByTable(done.Select(w => (w.Table, w.Result.ItemCollection))));
    }

    /// <summary>The result of one of a batch's requests, or null when its table had no capacity left for it (the refusal kept in <paramref name="refusal"/>).</summary>
    private static async Task<T?> UnlessThrottled<T>(StrongBox<DynamoException?> refusal, Task<T> request) where T : class
    {
        try
        {
            return await request;
        }
        catch (DynamoException e) when (e.IsThrottling)
        {
            refusal.Value = e;
            return null;
        }
    }
}
