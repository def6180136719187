using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;
using DataTier.Expressions;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// <c>dynamodb:Attributes</c>: the top-level attribute names a request names, by table: what a read projects
/// (ProjectionExpression or AttributesToGet), what a write puts (the Item's names), updates (the key's and the
/// UpdateExpression's or AttributeUpdates' names) or deletes (the key's). A read without a projection names none, and
/// returns every attribute: <c>dynamodb:Select</c> (<see cref="Parameters"/>) is then ALL_ATTRIBUTES. Null when the
/// request cannot be read (a malformed expression).
/// </summary>
public static class RequestAttributes
{
    public static Dictionary<string, IReadOnlyList<string>>? Of(string operation, JsonElement root)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        try
        {
            foreach (var part in RequestParts.Of(operation, root))
                Add(names, part.Table, part.Action switch
                {
                    "Get" or "Query" or "Scan" => Projected(part.Request),
                    "Put" => MemberNames(Member(part.Request, "Item")),
                    "Update" => Updated(part.Request),
                    _ => MemberNames(Member(part.Request, "Key")),
                });
            if (PartiQLAccess.IsPartiQL(operation))
                foreach (var (table, attributes) in PartiQLAccess.Attributes(operation, root)) Add(names, table, attributes);
        }
        catch (Exception e) when (e is Errors.DynamoException or InvalidOperationException or FormatException)
        {
            return null;
        }
        return names.ToDictionary(n => n.Key, n => (IReadOnlyList<string>)[.. n.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>
    /// dynamodb:Select, dynamodb:ReturnValues and dynamodb:ReturnConsumedCapacity as the request sets them. A read that
    /// sets no Select has the one DynamoDB applies: SPECIFIC_ATTRIBUTES with a projection, else ALL_PROJECTED_ATTRIBUTES
    /// on an index and ALL_ATTRIBUTES on a table.
    /// </summary>
    public static Dictionary<string, string> Parameters(string operation, JsonElement root)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object) return parameters;
        if (Text(root, "Select") is { } select) parameters[ConditionKeys.Select] = select;
        else if (operation is "GetItem" or "Query" or "Scan" or "BatchGetItem" or "TransactGetItems")
            parameters[ConditionKeys.Select] = HasProjection(operation, root) ? "SPECIFIC_ATTRIBUTES"
                : Text(root, "IndexName") is not null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        else if (PartiQLAccess.IsPartiQL(operation) && PartiQLAccess.Select(operation, root) is { } partiqlSelect)
            parameters[ConditionKeys.Select] = partiqlSelect;
        if (Text(root, "ReturnValues") is { } returnValues) parameters[ConditionKeys.ReturnValues] = returnValues;
        if (Text(root, "ReturnConsumedCapacity") is { } capacity) parameters[ConditionKeys.ReturnConsumedCapacity] = capacity;
        return parameters;
    }

    /// <summary>Whether every read of the request projects (a batch's or transaction's every table or item).</summary>
    private static bool HasProjection(string operation, JsonElement root)
    {
        static bool Projects(JsonElement e) => Member(e, "ProjectionExpression") is not null || Member(e, "AttributesToGet") is not null;
        return operation switch
        {
            "BatchGetItem" => Member(root, "RequestItems") is { ValueKind: JsonValueKind.Object } items && items.EnumerateObject().All(t => Projects(t.Value)),
            "TransactGetItems" => Member(root, "TransactItems") is { ValueKind: JsonValueKind.Array } items
                && items.EnumerateArray().All(i => Member(i, "Get") is { } get && Projects(get)),
            _ => Projects(root),
        };
    }

    private static void Add(Dictionary<string, HashSet<string>> names, string? table, IEnumerable<string> attributes)
    {
        if (table is null) throw new InvalidOperationException("no table");
        if (!names.TryGetValue(table, out var set)) names[table] = set = new HashSet<string>(StringComparer.Ordinal);
        set.UnionWith(attributes);
    }

    private static IEnumerable<string> MemberNames(JsonElement? map) =>
        map is { ValueKind: JsonValueKind.Object } m ? m.EnumerateObject().Select(p => p.Name).ToList() : throw new InvalidOperationException("no item");

    private static IEnumerable<string> Projected(JsonElement request)
    {
        if (Member(request, "AttributesToGet") is { ValueKind: JsonValueKind.Array } list) return list.EnumerateArray().Select(x => x.GetString() ?? "").ToList();
        if (Text(request, "ProjectionExpression") is not { } projection) return [];
        return ExpressionParser.ParseProjection(projection, Context(request)).Select(p => p.TopLevelName).ToList();
    }

    private static IEnumerable<string> Updated(JsonElement request)
    {
        var names = MemberNames(Member(request, "Key")).ToList();
        if (Text(request, "UpdateExpression") is { } update)
            names.AddRange(ExpressionParser.ParseUpdate(update, Context(request)).Select(a => a.Path.TopLevelName));
        if (Member(request, "AttributeUpdates") is { ValueKind: JsonValueKind.Object } updates) names.AddRange(updates.EnumerateObject().Select(p => p.Name));
        return names;
    }

    private static ExpressionContext Context(JsonElement request)
    {
        var r = new ApiRequest(request);
        return new ExpressionContext(r.StringMap("ExpressionAttributeNames"), r.AttributeMap("ExpressionAttributeValues"));
    }
}
