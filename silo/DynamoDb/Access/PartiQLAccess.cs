using System.Text.Json;
using static DataTier.Silo.DynamoDb.Access.RequestJson;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// What the statements of a PartiQL request (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction) need, as
/// DynamoDB authorizes them: <c>dynamodb:PartiQLSelect</c> (also for EXISTS), <c>PartiQLInsert</c>,
/// <c>PartiQLUpdate</c> or <c>PartiQLDelete</c> on the table (an index for a SELECT from one). A statement that
/// cannot be parsed needs nothing: the request is refused before it reads or writes anything.
/// </summary>
public static class PartiQLAccess
{
    public readonly record struct Statement(PartiQLStatement Parsed, string? Index, IReadOnlyList<AttrValue> Parameters)
    {
        public string Action => "dynamodb:" + Parsed switch
        {
            InsertStatement => "PartiQLInsert",
            UpdateStatement => "PartiQLUpdate",
            DeleteStatement => "PartiQLDelete",
            _ => "PartiQLSelect",
        };

        public string Resource => Index is null ? TableDescription.ArnOf(Parsed.Table) : TableDescription.ArnOf(Parsed.Table) + "/index/" + Index;

        public PartiQLValues Values => new(Parameters);
    }

    public static bool IsPartiQL(string operation) => operation is "ExecuteStatement" or "BatchExecuteStatement" or "ExecuteTransaction";

    public static List<Statement> Of(string operation, JsonElement root)
    {
        var entries = operation switch
        {
            "BatchExecuteStatement" => Member(root, "Statements") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [],
            "ExecuteTransaction" => Member(root, "TransactStatements") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [],
            _ => [root],
        };
        var statements = new List<Statement>();
        foreach (var entry in entries)
        {
            if (Text(entry, "Statement") is not { } text) continue;
            try
            {
                var parsed = PartiQLParser.Parse(text);
                var parameters = Member(entry, "Parameters") is { ValueKind: JsonValueKind.Array } list
                    ? list.EnumerateArray().Select(AttributeValueJson.Read).ToList()
                    : [];
                statements.Add(new Statement(parsed, parsed is SelectStatement select ? select.Index : null, parameters));
            }
            catch (Errors.DynamoException)
            {
                // Refused by the operation itself, in DynamoDB's words.
            }
        }
        return statements;
    }

    public static List<RequestedAccess.Need> Needs(string operation, JsonElement root) =>
        Of(operation, root).Select(s => new RequestedAccess.Need(s.Action, s.Resource)).Distinct().ToList();

    /// <summary>The first statement that is not a read, for a read-only key's refusal; null when all are SELECTs.</summary>
    public static RequestedAccess.Need? FirstWrite(string operation, JsonElement root) =>
        Of(operation, root).Where(s => s.Parsed is not (SelectStatement or ExistsStatement)).Select(s => (RequestedAccess.Need?)new RequestedAccess.Need(s.Action, s.Resource)).FirstOrDefault();

    /// <summary>
    /// <c>dynamodb:Select</c> of the SELECTs of a request, as for Query and Scan: SPECIFIC_ATTRIBUTES when every one
    /// projects, else ALL_PROJECTED_ATTRIBUTES when one reads an index, else ALL_ATTRIBUTES; null without a SELECT.
    /// </summary>
    public static string? Select(string operation, JsonElement root)
    {
        var selects = Of(operation, root).Select(s => s.Parsed).OfType<SelectStatement>().ToList();
        if (selects.Count == 0) return null;
        if (selects.All(s => s.Projection is not null)) return "SPECIFIC_ATTRIBUTES";
        return selects.Any(s => s.Projection is null && s.Index is not null) ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    }

    /// <summary>
    /// <c>dynamodb:Attributes</c>: what a SELECT projects (none for <c>*</c>), an INSERT's item names, an UPDATE's
    /// target names and the names its WHERE compares, a DELETE's WHERE names.
    /// </summary>
    public static IEnumerable<(string Table, IEnumerable<string> Names)> Attributes(string operation, JsonElement root)
    {
        foreach (var statement in Of(operation, root))
        {
            IEnumerable<string> names = statement.Parsed switch
            {
                SelectStatement select => select.Projection?.Select(p => p.TopLevelName) ?? [],
                InsertStatement insert => statement.Values.Evaluate(insert.Item).Map?.Keys ?? throw new InvalidOperationException("no item"),
                UpdateStatement update => update.Clauses.Select(c => c.Path.TopLevelName).Concat(WhereNames(update.Where)),
                DeleteStatement delete => WhereNames(delete.Where),
                ExistsStatement exists => WhereNames(exists.Select.Where),
                _ => [],
            };
            yield return (statement.Parsed.Table, names.ToList());
        }
    }

    private static IEnumerable<string> WhereNames(PartiQLExpression? where) =>
        PartiQLConjuncts.Of(where).Select(PartiQLConjuncts.Equality).Where(e => e is not null).Select(e => e!.Value.Name);

    /// <summary>
    /// <c>dynamodb:LeadingKeys</c>: the partition key values the statements read or write, by table; none for a SELECT
    /// that scans. Throws when they cannot be worked out.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> LeadingKeysAsync(string operation, JsonElement root, Func<string, Task<TableDescription>> describe)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var statement in Of(operation, root))
        {
            var table = await describe(statement.Parsed.Table);
            var values = statement.Values;
            IEnumerable<AttrValue> partitionValues = statement.Parsed switch
            {
                SelectStatement select => SelectPlanner.PartitionValues(select, table, values) ?? [],
                InsertStatement insert => [values.Evaluate(insert.Item).Map![table.KeySchema.PartitionKey.Name]],
                UpdateStatement update => [KeyOf(update.Where, table, values)],
                DeleteStatement delete => [KeyOf(delete.Where, table, values)],
                ExistsStatement exists => [KeyOf(exists.Select.Where, table, values)],
                _ => [],
            };
            if (!keys.TryGetValue(table.Name, out var list)) keys[table.Name] = list = [];
            list.AddRange(partitionValues.Select(LeadingKeys.KeyText));
        }
        return keys;
    }

    private static AttrValue KeyOf(PartiQLExpression? where, TableDescription table, PartiQLValues values) =>
        ItemKeyWhere.Of(where, table.KeySchema, values, PartiQLErrors.IncompleteKey).Key[table.KeySchema.PartitionKey.Name];
}
