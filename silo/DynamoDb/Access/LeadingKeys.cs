using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// <c>dynamodb:LeadingKeys</c>: the partition key values a request reads or writes, by table, as IAM's fine-grained
/// access control sees them: the Key or Item of single-item operations, the partition key value of a Query's
/// KeyConditionExpression (of the index's key for an index), each key of a batch and of a transaction. None for a Scan
/// and the like. Null when they cannot be worked out (an unknown table, a Query by the legacy KeyConditions): a
/// conditioned Allow then does not apply, and a conditioned Deny does.
/// </summary>
public static class LeadingKeys
{
    public static async Task<Dictionary<string, IReadOnlyList<string>>?> OfAsync(string operation, JsonElement root, Func<string, Task<TableDescription>> describe)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var schemas = new Dictionary<string, TableKeySchema>(StringComparer.Ordinal);
        try
        {
            if (PartiQLAccess.IsPartiQL(operation))
                return (await PartiQLAccess.LeadingKeysAsync(operation, root, describe)).ToDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Value, StringComparer.Ordinal);
            foreach (var part in RequestParts.Of(operation, root))
            {
                switch (part.Action)
                {
                    case "Query":
                        if (await QueryKeyAsync(root, describe) is not { } queried) return null;
                        keys[queried.Table] = [queried.Key];
                        break;
                    case "Scan":
                        break;
                    case "Put":
                        await AddAsync(keys, schemas, describe, part.Table, Member(part.Request, "Item"));
                        break;
                    case "Get" when operation == "BatchGetItem":
                        foreach (var key in Member(part.Request, "Keys")?.EnumerateArray() ?? default) await AddAsync(keys, schemas, describe, part.Table, key);
                        break;
                    default:
                        await AddAsync(keys, schemas, describe, part.Table, Member(part.Request, "Key"));
                        break;
                }
            }
            return keys.ToDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Value, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is Errors.DynamoException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The text IAM compares: a string as it is, a number as written, binary in base64.</summary>
    public static string KeyText(AttrValue value) => value.Type switch
    {
        AttrType.B => Convert.ToBase64String(value.Bytes!),
        _ => value.Text ?? "",
    };

    private static async Task AddAsync(Dictionary<string, List<string>> keys, Dictionary<string, TableKeySchema> schemas, Func<string, Task<TableDescription>> describe, string? table, JsonElement? item)
    {
        if (table is null || item is not { ValueKind: JsonValueKind.Object } map) throw new InvalidOperationException("no table or key");
        if (!schemas.TryGetValue(table, out var schema)) schemas[table] = schema = (await describe(table)).KeySchema;
        var value = AttributeValueJson.ReadMap(map)[schema.PartitionKey.Name];
        if (!keys.TryGetValue(table, out var list)) keys[table] = list = [];
        list.Add(KeyText(value));
    }

    private static async Task<(string Table, string Key)?> QueryKeyAsync(JsonElement root, Func<string, Task<TableDescription>> describe)
    {
        if (Text(root, "TableName") is not { } table || Text(root, "KeyConditionExpression") is not { } expression) return null;
        var description = await describe(table);
        var schema = Text(root, "IndexName") is { } index
            ? description.GlobalIndexes.FirstOrDefault(i => i.Name == index)?.KeySchema ?? description.LocalIndexes.First(i => i.Name == index).KeySchema
            : description.KeySchema;
        var request = new ApiRequest(root);
        var context = new ExpressionContext(request.StringMap("ExpressionAttributeNames"), request.AttributeMap("ExpressionAttributeValues"));
        var plan = KeyConditionPlan.From(ExpressionParser.ParseCondition("KeyConditionExpression", expression, context), schema);
        return (table, KeyText(plan.PartitionValue));
    }
}
