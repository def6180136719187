using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;
using DataTier.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataTier.Store.DynamoDb;

/// <summary>
/// The shared store of a multi-process cluster (DESIGN.md, decision 3): everything lives in one
/// DynamoDB table, <c>{TablePrefix}store</c>, reached through the AWS SDK, so silos keep no state of
/// their own. Every item write is conditional on the item's stored version.
/// <para>
/// Atomic batches use single-item conditional writes only (dynalite and other compatible endpoints
/// have no TransactWriteItems); see <c>DynamoDbTableStore.Batches.cs</c> for the protocol. With
/// <see cref="DynamoDbStoreOptions.UseTransactWriteItems"/> a batch is one TransactWriteItems call instead.
/// </para>
/// </summary>
public sealed partial class DynamoDbTableStore : ITableStore, IDisposable
{
    /// <summary>Values up to this size are kept in their row; larger ones in chunks of this size (DynamoDB's item limit is 400 KB).</summary>
    internal const int InlineLimit = 350_000;

    private readonly IAmazonDynamoDB _db;
    private readonly bool _ownsClient;
    private readonly DynamoDbStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly object _readyLock = new();
    private Task? _ready;

    public DynamoDbTableStore(DynamoDbStoreOptions options, ILogger<DynamoDbTableStore>? logger = null, TimeProvider? clock = null)
        : this(DynamoDbClients.Create(options), options, logger, clock, ownsClient: true)
    {
    }

    public DynamoDbTableStore(IAmazonDynamoDB client, DynamoDbStoreOptions options, ILogger<DynamoDbTableStore>? logger = null, TimeProvider? clock = null, bool ownsClient = false)
    {
        _db = client;
        _ownsClient = ownsClient;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        TableName = options.TableName;
    }

    /// <summary>The backing DynamoDB table.</summary>
    public string TableName { get; }

    /// <summary>Checks (and with CreateTables, creates) the backing table; every operation awaits it first.</summary>
    public Task InitializeAsync()
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled) _ready = InitializeCoreAsync();
            return _ready;
        }
    }

    private async Task InitializeCoreAsync()
    {
        await DynamoDbTableSetup.EnsureTableAsync(_db, TableName, sortKey: true, _options.CreateTables);
        DynamoDbStoreLog.Ready(_logger, TableName, _options.ServiceUrl ?? _options.Region ?? "default region");
    }

    private ValueTask ReadyAsync()
    {
        var ready = _ready;
        return ready is { IsCompletedSuccessfully: true } ? ValueTask.CompletedTask : new ValueTask(InitializeAsync());
    }

    public async ValueTask<StoredItem?> GetAsync(Guid tableId, byte[] position)
    {
        await ReadyAsync();
        var row = await GetRowAsync(tableId, position);
        return row is null ? null : await VisibleAsync(tableId, row);
    }

    public async ValueTask<IReadOnlyList<StoredItem>> ReadRangeAsync(Guid tableId, KeyRange range, bool reverse, int limit)
    {
        await ReadyAsync();
        var result = new List<StoredItem>();
        if (limit <= 0) return result;
        var request = new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            ScanIndexForward = !reverse,
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = Attr.S(StoreKeys.Items(tableId)) },
        };
        // DynamoDB orders a binary sort key by unsigned bytes, a prefix first: the order of KeyRange.
        // Bounds are applied inclusively here and exactly by KeyRange.Contains below.
        var condition = "pk = :pk";
        if (range.Start is { Length: > 0 } && range.End is { Length: > 0 })
        {
            condition += " AND sk BETWEEN :lo AND :hi";
            request.ExpressionAttributeValues[":lo"] = Attr.B(range.Start);
            request.ExpressionAttributeValues[":hi"] = Attr.B(range.End);
        }
        else if (range.Start is { Length: > 0 })
        {
            condition += " AND sk >= :lo";
            request.ExpressionAttributeValues[":lo"] = Attr.B(range.Start);
        }
        else if (range.End is { Length: > 0 })
        {
            condition += " AND sk <= :hi";
            request.ExpressionAttributeValues[":hi"] = Attr.B(range.End);
        }
        if (range.Start is { Length: > 0 } s && range.End is { Length: > 0 } e && s.AsSpan().SequenceCompareTo(e) > 0) return result;
        request.KeyConditionExpression = condition;
        do
        {
            request.Limit = Math.Min(limit - result.Count + 2, 1000);
            var page = await _db.QueryAsync(request);
            foreach (var raw in page.Items ?? [])
            {
                var row = RowOf(raw);
                if (!range.Contains(row.Position)) continue;
                var item = await VisibleAsync(tableId, row);
                if (item is null) continue;
                result.Add(item);
                if (result.Count >= limit) return result;
            }
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return result;
    }

    public async ValueTask<IReadOnlyList<ChangeRecord>> ReadChangesAsync(Guid tableId, string log, long fromSequence, int limit)
    {
        await ReadyAsync();
        await CompleteCommittedBatchesAsync(tableId);
        var result = new List<ChangeRecord>();
        await foreach (var raw in QueryAsync(StoreKeys.Changes(tableId), StoreKeys.Change(log, Math.Max(0, fromSequence)), StoreKeys.Change(log, long.MaxValue), forward: true, limit))
        {
            var payload = raw.GetB("d") ?? (raw.GetB("bid") is { } blob ? await ReadBlobAsync(tableId, blob, (int)(raw.GetN("bn") ?? 0)) : null) ?? [];
            result.Add(new ChangeRecord(log, StoreKeys.SequenceOf(raw.GetB("sk")!), payload));
            if (result.Count >= limit) break;
        }
        return result;
    }

    public async ValueTask<long> LastChangeSequenceAsync(Guid tableId, string log)
    {
        await ReadyAsync();
        await CompleteCommittedBatchesAsync(tableId);
        await foreach (var raw in QueryAsync(StoreKeys.Changes(tableId), StoreKeys.Change(log, 0), StoreKeys.Change(log, long.MaxValue), forward: false, 1))
            return StoreKeys.SequenceOf(raw.GetB("sk")!);
        return 0;
    }

    public async ValueTask TrimChangesAsync(Guid tableId, string log, long beforeSequence)
    {
        await ReadyAsync();
        if (beforeSequence <= 0) return;
        var keys = new List<Dictionary<string, AttributeValue>>();
        await foreach (var raw in QueryAsync(StoreKeys.Changes(tableId), StoreKeys.Change(log, 0), StoreKeys.Change(log, beforeSequence - 1), forward: true, int.MaxValue))
        {
            if (raw.GetB("bid") is { } blob) await DeleteBlobAsync(tableId, blob, (int)(raw.GetN("bn") ?? 0));
            keys.Add(RowKey(raw.GetS("pk")!, raw.GetB("sk")!));
        }
        await DeleteRowsAsync(keys);
    }

    public async ValueTask DeleteTableDataAsync(Guid tableId)
    {
        await ReadyAsync();
        foreach (var pk in StoreKeys.AllOf(tableId))
        {
            var keys = new List<Dictionary<string, AttributeValue>>();
            await foreach (var raw in QueryAsync(pk, null, null, forward: true, int.MaxValue, keysOnly: true)) keys.Add(raw);
            await DeleteRowsAsync(keys);
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, byte[]>> ReadCatalogAsync()
    {
        await ReadyAsync();
        var result = new Dictionary<string, byte[]>();
        await foreach (var raw in QueryAsync(StoreKeys.Catalog, null, null, forward: true, int.MaxValue))
            result[System.Text.Encoding.UTF8.GetString(raw.GetB("sk")!)] = raw.GetB("d") ?? [];
        return result;
    }

    public async ValueTask PutCatalogEntryAsync(string name, byte[]? value)
    {
        await ReadyAsync();
        var key = RowKey(StoreKeys.Catalog, System.Text.Encoding.UTF8.GetBytes(name));
        if (value is null)
        {
            await _db.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = key });
            return;
        }
        if (value.Length > 0) key["d"] = Attr.B(value);
        await _db.PutItemAsync(new PutItemRequest { TableName = TableName, Item = key });
    }

    public void Dispose()
    {
        if (_ownsClient) _db.Dispose();
    }

    private static Dictionary<string, AttributeValue> RowKey(string pk, byte[] sk) => new()
    {
        ["pk"] = Attr.S(pk),
        ["sk"] = Attr.B(sk),
    };

    private static StoreRow RowOf(Dictionary<string, AttributeValue> raw) => new(
        raw.GetB("sk")!,
        raw.GetN("v") ?? 0,
        raw.GetB("d"),
        raw.GetB("bid"),
        (int)(raw.GetN("bn") ?? 0),
        raw.GetB("lk") is { } lk ? new Guid(lk, bigEndian: true) : null,
        raw.GetN("la") ?? 0,
        raw.GetB("w") is { } w ? new Guid(w, bigEndian: true) : null);

    private async Task<StoreRow?> GetRowAsync(Guid tableId, byte[] position)
    {
        var response = await _db.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = RowKey(StoreKeys.Items(tableId), position),
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? RowOf(item) : null;
    }

    /// <summary>Rows of one collection with sort keys between two bounds (inclusive; null: open), consistently read, page by page.</summary>
    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(string pk, byte[]? from, byte[]? to, bool forward, int limit, bool keysOnly = false)
    {
        var request = new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            ScanIndexForward = forward,
            KeyConditionExpression = from is not null && to is not null ? "pk = :pk AND sk BETWEEN :lo AND :hi" : "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = Attr.S(pk) },
            ProjectionExpression = keysOnly ? "pk, sk" : null,
        };
        if (from is not null && to is not null)
        {
            if (from.AsSpan().SequenceCompareTo(to) > 0) yield break;
            request.ExpressionAttributeValues[":lo"] = Attr.B(from);
            request.ExpressionAttributeValues[":hi"] = Attr.B(to);
        }
        var returned = 0;
        do
        {
            request.Limit = Math.Min(Math.Max(limit - returned, 1), 1000);
            var page = await _db.QueryAsync(request);
            foreach (var raw in page.Items ?? [])
            {
                yield return raw;
                if (++returned >= limit) yield break;
            }
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    /// <summary>Deletes rows by key, 25 to a BatchWriteItem, resending what DynamoDB leaves unprocessed.</summary>
    private Task DeleteRowsAsync(IEnumerable<Dictionary<string, AttributeValue>> keys) =>
        BatchAsync(keys.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }));

    private Task PutRowsAsync(IEnumerable<Dictionary<string, AttributeValue>> rows) =>
        BatchAsync(rows.Select(r => new WriteRequest { PutRequest = new PutRequest { Item = r } }));

    private async Task BatchAsync(IEnumerable<WriteRequest> requests)
    {
        foreach (var chunk in requests.Chunk(25))
        {
            List<WriteRequest> pending = [.. chunk];
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                var response = await _db.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { [TableName] = pending },
                });
                pending = response.UnprocessedItems is { } left && left.TryGetValue(TableName, out var again) ? again : [];
                // Throttled: back off before resending (DynamoDB's advice; there is nothing to await instead).
                if (pending.Count > 0) await Task.Delay(Math.Min(50 << Math.Min(attempt, 5), 1000));
            }
        }
    }

    /// <summary>The item a reader sees in a row: the committed value, unless a committed batch holds the row (it is completed first).</summary>
    private async Task<StoredItem?> VisibleAsync(Guid tableId, StoreRow row)
    {
        while (true)
        {
            if (row.Lock is { } batch)
            {
                var settled = await SettleForReaderAsync(tableId, batch, row);
                if (settled is null) return null;
                if (!ReferenceEquals(settled, row))
                {
                    row = settled;
                    continue;
                }
            }
            if (!row.Exists) return null;
            var data = await ValueOfAsync(tableId, row);
            if (data is not null) return new StoredItem(row.Position, row.Version, ItemCodec.Decode(data));
            // The value's chunks are gone: the row was rewritten meanwhile; read it again.
            var again = await GetRowAsync(tableId, row.Position);
            if (again is null) return null;
            row = again;
        }
    }

    /// <summary>The value of a row: inline, or its blob's chunks in order; null if the blob is incomplete.</summary>
    private async Task<byte[]?> ValueOfAsync(Guid tableId, StoreRow row)
    {
        if (row.Data is not null) return row.Data;
        return row.BlobRef is null ? [] : await ReadBlobAsync(tableId, row.BlobRef, row.BlobChunks);
    }

    private async Task<byte[]?> ReadBlobAsync(Guid tableId, byte[] blobRef, int chunks)
    {
        using var buffer = new MemoryStream();
        var count = 0;
        await foreach (var raw in QueryAsync(StoreKeys.Blobs(tableId), StoreKeys.BlobChunk(blobRef, 0), StoreKeys.BlobChunk(blobRef, ushort.MaxValue), forward: true, chunks))
        {
            var part = raw.GetB("d") ?? [];
            buffer.Write(part);
            count++;
        }
        return count == chunks ? buffer.ToArray() : null;
    }

    private Task WriteBlobAsync(Guid tableId, byte[] blobRef, byte[] data) =>
        PutRowsAsync(data.Chunk(InlineLimit).Select((part, i) =>
        {
            var row = RowKey(StoreKeys.Blobs(tableId), StoreKeys.BlobChunk(blobRef, i));
            row["d"] = Attr.B(part);
            return row;
        }));

    private Task DeleteBlobAsync(Guid tableId, byte[] blobRef, int chunks) =>
        DeleteRowsAsync(Enumerable.Range(0, chunks).Select(i => RowKey(StoreKeys.Blobs(tableId), StoreKeys.BlobChunk(blobRef, i))));

    private static int ChunkCount(int length) => (length + InlineLimit - 1) / InlineLimit;
}
