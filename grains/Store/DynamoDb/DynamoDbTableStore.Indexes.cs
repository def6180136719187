using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;
using DataTier.Keys;
using DataTier.Model;

namespace DataTier.Store.DynamoDb;

/// <summary>
/// Local secondary index entries: rows of the table's index collection, keyed by index name and
/// position. They are written only inside batch intents (see <see cref="WriteAsync"/>), so a roll
/// forward applies them with their items.
/// </summary>
public sealed partial class DynamoDbTableStore
{
    public async ValueTask<IReadOnlyList<StoredItem>> ReadIndexRangeAsync(Guid tableId, string index, KeyRange range, bool reverse, int limit)
    {
        await ReadyAsync();
        var result = new List<StoredItem>();
        if (limit <= 0) return result;
        var prefix = StoreKeys.IndexPrefix(index);
        byte[] lo = range.Start is { Length: > 0 } start ? [.. prefix, .. start] : prefix;
        byte[] hi = range.End is { Length: > 0 } end ? [.. prefix, .. end] : KeyBytes.PrefixSuccessor(prefix) ?? [.. prefix, 0xFF];
        if (lo.AsSpan().SequenceCompareTo(hi) > 0) return result;
        var request = new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            ScanIndexForward = !reverse,
            KeyConditionExpression = "pk = :pk AND sk BETWEEN :lo AND :hi",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = Attr.S(StoreKeys.Indexes(tableId)),
                [":lo"] = Attr.B(lo),
                [":hi"] = Attr.B(hi),
            },
        };
        do
        {
            request.Limit = Math.Min(limit - result.Count + 2, 1000);
            var page = await _db.QueryAsync(request);
            foreach (var raw in page.Items ?? [])
            {
                var key = raw.GetB("sk")!;
                if (!key.AsSpan().StartsWith(prefix)) continue;
                var position = key[prefix.Length..];
                if (!range.Contains(position)) continue;
                result.Add(new StoredItem(position, (long)(raw.GetN("v") ?? 0), ItemCodec.Decode(raw.GetB("d")!)));
                if (result.Count >= limit) return result;
            }
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return result;
    }

    /// <summary>Puts or removes the batch's index entries; unconditional and idempotent, so a roll forward may repeat it.</summary>
    private Task ApplyIndexEntriesAsync(Guid tableId, IReadOnlyList<IndexEntryWrite> entries) =>
        Task.WhenAll(entries.Select(async entry =>
        {
            var row = RowKey(StoreKeys.Indexes(tableId), [.. StoreKeys.IndexPrefix(entry.Index), .. entry.Position]);
            if (entry.Attributes is null)
            {
                await _db.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = row });
                return;
            }
            var data = ItemCodec.Encode(entry.Attributes);
            if (data.Length > InlineLimit) throw new NotSupportedException($"An index entry of {data.Length} bytes is larger than this store keeps in one row ({InlineLimit})");
            row["d"] = Attr.B(data);
            row["v"] = Attr.N(entry.Version);
            await _db.PutItemAsync(new PutItemRequest { TableName = TableName, Item = row });
        }));
}
