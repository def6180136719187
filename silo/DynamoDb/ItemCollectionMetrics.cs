using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// ReturnItemCollectionMetrics (SIZE or NONE). DynamoDB reports item collection metrics only for
/// tables with local secondary indexes: one collection for a single-item write, a list per table for
/// BatchWriteItem and TransactWriteItems.
/// </summary>
public static class ItemCollectionMetrics
{
    public static void Read(ApiRequest r)
    {
        var text = r.String("ReturnItemCollectionMetrics");
        if (text is null or "SIZE" or "NONE") return;
        throw DynamoException.Validation($"1 validation error detected: Value '{text}' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
    }

    /// <summary>Whether the request asks for SIZE (after <see cref="Read"/> checked it).</summary>
    public static bool Requested(ApiRequest r) => r.String("ReturnItemCollectionMetrics") == "SIZE";

    public static void Write(System.Text.Json.Utf8JsonWriter w, Client.Results.ItemCollectionSize collection)
    {
        w.WritePropertyName("ItemCollectionMetrics");
        WriteOne(w, collection);
    }

    /// <summary>The member of a multi-item write: per table, its collections; left out when no table has any.</summary>
    public static void WriteByTable(System.Text.Json.Utf8JsonWriter w, IReadOnlyDictionary<string, IReadOnlyList<Client.Results.ItemCollectionSize>>? byTable)
    {
        if (byTable is not { Count: > 0 }) return;
        w.WriteStartObject("ItemCollectionMetrics");
        foreach (var (table, collections) in byTable)
        {
            w.WriteStartArray(table);
            foreach (var collection in collections) WriteOne(w, collection);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteOne(System.Text.Json.Utf8JsonWriter w, Client.Results.ItemCollectionSize collection)
    {
        w.WriteStartObject();
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
