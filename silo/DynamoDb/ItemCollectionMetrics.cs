using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// ReturnItemCollectionMetrics (SIZE or NONE). DynamoDB reports item collection metrics only for
/// tables with local secondary indexes; until tables here have them, a valid value yields none.
/// </summary>
public static class ItemCollectionMetrics
{
    public static void Read(ApiRequest r)
    {
        var text = r.String("ReturnItemCollectionMetrics");
        if (text is null or "SIZE" or "NONE") return;
        throw DynamoException.Validation($"1 validation error detected: Value '{text}' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
    }
}
