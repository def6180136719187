using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// ReturnItemCollectionMetrics (SIZE or NONE). DynamoDB reports item collection metrics only for
/// tables with local secondary indexes, and here only on single-item writes.
/// </summary>
public static class ItemCollectionMetrics
{
    public static void Read(ApiRequest r)
    {
        var text = r.String("ReturnItemCollectionMetrics");
        if (text is null or "SIZE" or "NONE") return;
        throw DynamoException.Validation($"1 validation error detected: Value '{text}' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
    }

    public static void Write(System.Text.Json.Utf8JsonWriter w, Client.Results.ItemCollectionSize collection)
    {
        w.WriteStartObject("ItemCollectionMetrics");
        w.WritePropertyName("ItemCollectionKey");
        AttributeValueJson.WriteMap(w, collection.ItemCollectionKey);
        w.WriteStartArray("SizeEstimateRangeGB");
        var (low, high) = collection.SizeEstimateRangeGB;
        w.WriteNumberValue(low);
        w.WriteNumberValue(high);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
