using System.Collections.Concurrent;
using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Client.Cache.Strategies;

/// <summary>
/// A table client whose item reads are served from the cache and whose writes update it: a put stores
/// the new item, an update stores the new image (ALL_NEW is asked for internally when the caller wants
/// NONE or ALL_NEW; otherwise the cached item is dropped), a delete stores the absence, and batch and
/// transaction writes drop the items they touch. A miss reads the table and stores what it found.
/// Strongly consistent reads and reads with a projection go to the table. Two writers racing on one
/// item may leave the older image cached until <see cref="WriteThroughOptions.TimeToLive"/> ends, and
/// writes that bypass this client (or a table deleted and created again by another client) are not seen
/// until then: pick the TTL for the staleness you accept.
/// </summary>
public sealed class WriteThroughTableClient(ITableClient inner, ICacheClient cache, IGrainFactory grains, WriteThroughOptions? options = null) : ITableClient
{
    private readonly WriteThroughOptions _options = options ?? new WriteThroughOptions();
    private readonly ConcurrentDictionary<string, (Guid Id, TableKeySchema Schema, DateTime Until)> _schemas = new(StringComparer.Ordinal);

    public async Task<GetItemResult> GetItemAsync(GetItemRequest request)
    {
        if (request.ConsistentRead || request.ProjectionExpression is not null) return await inner.GetItemAsync(request);
        var key = await CacheKeyAsync(request.TableName, request.Key);
        if (key is not null && await cache.GetAsync(key) is { } cached)
        {
            var (item, version) = CachedItem.Decode(cached);
            return new GetItemResult(item, version, 0);
        }
        var result = await inner.GetItemAsync(request);
        if (key is not null) await cache.SetAsync(key, CachedItem.Encode(result.Item, result.Version), _options.TimeToLive);
        return result;
    }

    public async Task<WriteItemResult> PutItemAsync(PutItemRequest request)
    {
        var result = await inner.PutItemAsync(request);
        await StoreAsync(request.TableName, request.Item, request.Item, result.Version);
        return result;
    }

    public async Task<WriteItemResult> UpdateItemAsync(UpdateItemRequest request)
    {
        if (request.ReturnValues is not (ReturnValues.NONE or ReturnValues.ALL_NEW))
        {
            var passed = await inner.UpdateItemAsync(request);
            await DropAsync(request.TableName, request.Key);
            return passed;
        }
        var result = await inner.UpdateItemAsync(request with { ReturnValues = ReturnValues.ALL_NEW });
        await StoreAsync(request.TableName, request.Key, result.Attributes, result.Version);
        return request.ReturnValues == ReturnValues.ALL_NEW ? result : result with { Attributes = null };
    }

    public async Task<WriteItemResult> DeleteItemAsync(DeleteItemRequest request)
    {
        var result = await inner.DeleteItemAsync(request);
        await StoreAsync(request.TableName, request.Key, null, 0);
        return result;
    }

    public async Task<BatchWriteItemResult> BatchWriteItemAsync(IReadOnlyDictionary<string, IReadOnlyList<BatchWrite>> requestItems)
    {
        var result = await inner.BatchWriteItemAsync(requestItems);
        foreach (var (table, writes) in requestItems)
            foreach (var write in writes)
                await DropAsync(table, write.Item ?? write.Key!);
        return result;
    }

    public async Task<TransactWriteItemsResult> TransactWriteItemsAsync(TransactWriteItemsRequest request)
    {
        var result = await inner.TransactWriteItemsAsync(request);
        foreach (var item in request.TransactItems) await DropAsync(item.TableName, item.Item ?? item.Key!);
        return result;
    }

    public async Task<TableDescription> DeleteTableAsync(string tableName)
    {
        _schemas.TryRemove(tableName, out _);
        return await inner.DeleteTableAsync(tableName);
    }

    public Task<TableDescription> CreateTableAsync(TableDefinition definition) => inner.CreateTableAsync(definition);
    public Task<TableDescription> DescribeTableAsync(string tableName) => inner.DescribeTableAsync(tableName);
    public Task<TableListPage> ListTablesAsync(string? exclusiveStartTableName = null, int? limit = null) => inner.ListTablesAsync(exclusiveStartTableName, limit);
    public Task<TableDescription> UpdateTableAsync(string tableName, TableUpdate update) => inner.UpdateTableAsync(tableName, update);
    public Task<TimeToLiveSpecification> UpdateTimeToLiveAsync(string tableName, TimeToLiveSpecification specification) => inner.UpdateTimeToLiveAsync(tableName, specification);
    public Task<string?> DescribeTimeToLiveAsync(string tableName) => inner.DescribeTimeToLiveAsync(tableName);
    public Task TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags) => inner.TagResourceAsync(resourceArn, tags);
    public Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys) => inner.UntagResourceAsync(resourceArn, tagKeys);
    public Task<IReadOnlyDictionary<string, string>> ListTagsOfResourceAsync(string resourceArn) => inner.ListTagsOfResourceAsync(resourceArn);
    public Task<ItemPage> QueryAsync(QueryRequest request) => inner.QueryAsync(request);
    public Task<ItemPage> ScanAsync(ScanRequest request) => inner.ScanAsync(request);
    public Task<BatchGetItemResult> BatchGetItemAsync(IReadOnlyDictionary<string, KeysAndAttributes> requestItems) => inner.BatchGetItemAsync(requestItems);
    public Task<TransactGetItemsResult> TransactGetItemsAsync(IReadOnlyList<TransactGetItem> items) => inner.TransactGetItemsAsync(items);

    private async Task StoreAsync(string table, IReadOnlyDictionary<string, AttrValue> keySource, IReadOnlyDictionary<string, AttrValue>? item, long version)
    {
        if (await CacheKeyAsync(table, keySource) is { } key)
            await cache.SetAsync(key, CachedItem.Encode(item, version), _options.TimeToLive);
    }

    private async Task DropAsync(string table, IReadOnlyDictionary<string, AttrValue> keySource)
    {
        if (await CacheKeyAsync(table, keySource) is { } key) await cache.DeleteAsync(key);
    }

    /// <summary>The cache key of an item, from its table's key schema; null when the attributes do not form a valid key (the table call reports why).</summary>
    private async Task<string?> CacheKeyAsync(string table, IReadOnlyDictionary<string, AttrValue> attributes)
    {
        // A table deleted and created again elsewhere gets a new id; looking it up again at least once per
        // TimeToLive keeps this client from serving the old table's items for longer than its TTL allows.
        if (!_schemas.TryGetValue(table, out var known) || known.Until < DateTime.UtcNow)
        {
            var description = await grains.GetGrain<ITableCatalogGrain>(0).Describe(table);
            if (description is null)
            {
                _schemas.TryRemove(table, out _);
                return null;
            }
            known = _schemas[table] = (description.Id, description.KeySchema, DateTime.UtcNow + _options.TimeToLive);
        }
        try
        {
            // The table id keeps a re-created table from seeing the items cached for the one it replaced.
            return $"{_options.KeyPrefix}{known.Id:N}:{Convert.ToBase64String(ItemValidator.ItemKeyOf(known.Schema, attributes).Encode())}";
        }
        catch (Exception e) when (e is Errors.DynamoException or KeyNotFoundException)
        {
            return null;
        }
    }
}
