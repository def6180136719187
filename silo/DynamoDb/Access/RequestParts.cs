using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The item-level parts of a request, as IAM's fine-grained conditions look at them: for each, its table, its action
/// (Get, Put, Update, Delete, ConditionCheck, Query, Scan) and the JSON object holding its Key, Item or expressions:
/// the request itself for single-item operations, Query and Scan; each table's entry of a BatchGetItem (its Keys);
/// each PutRequest or DeleteRequest of a BatchWriteItem; each action of a transaction. The table is null when missing.
/// PartiQL requests have none here: their parts are statements, which <see cref="PartiQLAccess"/> reads.
/// </summary>
public static class RequestParts
{
    public readonly record struct Part(string? Table, string Action, JsonElement Request);

    public static IEnumerable<Part> Of(string operation, JsonElement root)
    {
        switch (operation)
        {
            case "GetItem" or "PutItem" or "UpdateItem" or "DeleteItem" or "Query" or "Scan":
                yield return new Part(Text(root, "TableName"), operation.Replace("Item", "", StringComparison.Ordinal), root);
                break;
            case "BatchGetItem":
                foreach (var table in Member(root, "RequestItems")?.EnumerateObject() ?? default) yield return new Part(table.Name, "Get", table.Value);
                break;
            case "BatchWriteItem":
                foreach (var table in Member(root, "RequestItems")?.EnumerateObject() ?? default)
                    foreach (var write in table.Value.EnumerateArray())
                        yield return Member(write, "PutRequest") is { } put ? new Part(table.Name, "Put", put)
                            : new Part(table.Name, "Delete", Member(write, "DeleteRequest") ?? default);
                break;
            case "TransactWriteItems" or "TransactGetItems":
                foreach (var item in Member(root, "TransactItems")?.EnumerateArray() ?? default)
                    foreach (var action in item.EnumerateObject())
                        yield return new Part(Text(action.Value, "TableName"), action.Name, action.Value);
                break;
        }
    }
}
