using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Silo.DynamoDb.Legacy;

namespace DataTier.Silo.DynamoDb;

/// <summary>BatchGetItem and BatchWriteItem over JSON.</summary>
public sealed class BatchOperations(ITableClient tables)
{
    public async Task BatchGetItem(ApiRequest r, Utf8JsonWriter w)
    {
        var items = r.Required(r.Object("RequestItems"), "requestItems");
        var capacity = ConsumedCapacityJson.Read(r);
        r.ThrowIfInvalid();
        var requests = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal);
        foreach (var table in items!.Value.EnumerateObject())
        {
            var t = new ApiRequest(table.Value);
            var keys = t.Required(t.Array("Keys"), $"requestItems.{table.Name}.member.keys");
            t.ThrowIfInvalid();
            var legacy = new LegacyRequest(t, ExpressionParameters.Get);
            var projection = legacy.ProjectionExpression;
            requests[table.Name] = new KeysAndAttributes
            {
                Keys = keys!.Value.EnumerateArray().Select(k => (IReadOnlyDictionary<string, AttrValue>)AttributeValueJson.ReadMap(ObjectOf(k))).ToList(),
                ProjectionExpression = projection,
                ExpressionAttributeNames = legacy.Names,
                ConsistentRead = t.Bool("ConsistentRead") ?? false,
            };
        }
        var result = await tables.BatchGetItemAsync(requests);
        w.WriteStartObject();
        w.WriteStartObject("Responses");
        foreach (var (table, found) in result.Responses)
        {
            w.WriteStartArray(table);
            foreach (var item in found) AttributeValueJson.WriteMap(w, item);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("UnprocessedKeys");
        foreach (var (table, left) in result.UnprocessedKeys)
        {
            w.WriteStartObject(table);
            w.WriteStartArray("Keys");
            foreach (var key in left.Keys) AttributeValueJson.WriteMap(w, key);
            w.WriteEndArray();
            if (left.ProjectionExpression is not null) w.WriteString("ProjectionExpression", left.ProjectionExpression);
            if (left.ExpressionAttributeNames is not null)
            {
                w.WriteStartObject("ExpressionAttributeNames");
                foreach (var (k, v) in left.ExpressionAttributeNames) w.WriteString(k, v);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        ConsumedCapacityJson.WriteList(w, capacity, result.CapacityUnits, read: true);
        w.WriteEndObject();
    }

    public async Task BatchWriteItem(ApiRequest r, Utf8JsonWriter w)
    {
        var items = r.Required(r.Object("RequestItems"), "requestItems");
        var capacity = ConsumedCapacityJson.Read(r);
        ItemCollectionMetrics.Read(r);
        r.ThrowIfInvalid();
        var requests = new Dictionary<string, IReadOnlyList<BatchWrite>>(StringComparer.Ordinal);
        foreach (var table in items!.Value.EnumerateObject())
        {
            if (table.Value.ValueKind != JsonValueKind.Array) throw ApiRequest.Serialization("Expected list or null");
            var writes = new List<BatchWrite>();
            foreach (var entry in table.Value.EnumerateArray())
            {
                var e = new ApiRequest(ObjectOf(entry));
                var put = e.Object("PutRequest");
                var delete = e.Object("DeleteRequest");
                if (put is not null && delete is not null)
                    throw DynamoException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                if (put is { } p)
                {
                    var pr = new ApiRequest(p);
                    var item = pr.Required(pr.AttributeMap("Item"), $"requestItems.{table.Name}.member.putRequest.item");
                    pr.ThrowIfInvalid();
                    writes.Add(BatchWrite.Put(item!));
                }
                else if (delete is { } d)
                {
                    var dr = new ApiRequest(d);
                    var key = dr.Required(dr.AttributeMap("Key"), $"requestItems.{table.Name}.member.deleteRequest.key");
                    dr.ThrowIfInvalid();
                    writes.Add(BatchWrite.Delete(key!));
                }
                else
                {
                    throw DynamoException.Validation("1 validation error detected: Value null at 'requestItems." + table.Name + ".member.putRequest' failed to satisfy constraint: Member must not be null");
                }
            }
            requests[table.Name] = writes;
        }
        var result = await tables.BatchWriteItemAsync(requests);
        w.WriteStartObject();
        w.WriteStartObject("UnprocessedItems");
        foreach (var (table, left) in result.UnprocessedItems)
        {
            w.WriteStartArray(table);
            foreach (var write in left)
            {
                w.WriteStartObject();
                w.WriteStartObject(write.Item is not null ? "PutRequest" : "DeleteRequest");
                w.WritePropertyName(write.Item is not null ? "Item" : "Key");
                AttributeValueJson.WriteMap(w, write.Item ?? write.Key!);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        ConsumedCapacityJson.WriteList(w, capacity, result.CapacityUnits, read: false);
        if (ItemCollectionMetrics.Requested(r)) ItemCollectionMetrics.WriteByTable(w, result.ItemCollectionMetrics);
        w.WriteEndObject();
    }

    internal static JsonElement ObjectOf(JsonElement e) => e.ValueKind == JsonValueKind.Object
        ? e
        : throw ApiRequest.Serialization(e.ValueKind == JsonValueKind.Array ? "Start of list found where not expected" : "Expected map or null");
}
