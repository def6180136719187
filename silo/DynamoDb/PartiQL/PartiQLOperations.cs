using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// DynamoDB's PartiQL API over JSON: ExecuteStatement here, BatchExecuteStatement and ExecuteTransaction in their
/// own classes. Each statement runs as the item operation it translates into.
/// </summary>
public sealed class PartiQLOperations(PartiQLTranslator translator, PartiQLWrites writes, SelectPager pager,
    PartiQLBatchOperations batches, PartiQLTransactionOperations transactions)
{
    public Task BatchExecuteStatement(ApiRequest r, Utf8JsonWriter w) => batches.BatchExecuteStatement(r, w);

    public Task ExecuteTransaction(ApiRequest r, Utf8JsonWriter w) => transactions.ExecuteTransaction(r, w);

    public async Task ExecuteStatement(ApiRequest r, Utf8JsonWriter w)
    {
        var request = PartiQLRequest.Read(r);
        var consistentRead = r.Bool("ConsistentRead") ?? false;
        var limit = r.Int("Limit");
        if (limit is < 1) r.Invalid("limit", limit, "Member must have value greater than or equal to 1");
        var nextToken = r.String("NextToken");
        if (nextToken is { Length: 0 or > 32768 }) r.Invalid("nextToken", nextToken, $"Member must have length {(nextToken.Length == 0 ? "greater than or equal to 1" : "less than or equal to 32768")}");
        var capacity = ConsumedCapacityJson.Read(r);
        var returnOnFailure = ItemOperations.ReturnOnFailure(r);
        r.ThrowIfInvalid();
        var statement = request.Parse();
        if (statement is ExistsStatement) throw PartiQLErrors.Validation("EXISTS can only be used in ExecuteTransaction write requests.");
        if (statement is SelectStatement select)
        {
            var digest = PartiQLNextToken.DigestOf(request.Text, request.Parameters);
            var start = nextToken is null ? null : PartiQLNextToken.Decode(nextToken, digest);
            var plan = await Translated(() => translator.SelectAsync(select, request.Values, consistentRead));
            var page = await pager.ReadAsync(plan, start, limit, consistentRead, digest);
            WriteSelectResponse(w, page, capacity, plan.Table);
            return;
        }
        var write = await Translated(() => translator.WriteAsync(statement, request.Values));
        var result = await writes.RunAsync(write, returnOnFailure);
        w.WriteStartObject();
        WriteItems(w, PartiQLWrites.Returned(result));
        ConsumedCapacityJson.WriteMember(w, capacity, write.Table, result.CapacityUnits, read: false, result.IndexCapacityUnits, result.LocalIndexCapacityUnits);
        w.WriteEndObject();
    }

    /// <summary>A translation, with the expression engine's errors in PartiQL's words.</summary>
    internal static async Task<T> Translated<T>(Func<Task<T>> translate)
    {
        try
        {
            return await translate();
        }
        catch (DynamoException e)
        {
            throw PartiQLRequest.WithoutExpressionName(e);
        }
    }

    private static void WriteSelectResponse(Utf8JsonWriter w, SelectPage page, ConsumedCapacityJson.Mode capacity, string table)
    {
        w.WriteStartObject();
        WriteItems(w, page.Items);
        if (page.NextToken is not null) w.WriteString("NextToken", page.NextToken);
        ConsumedCapacityJson.WriteMember(w, capacity, table, page.CapacityUnits, read: true);
        if (page.LastEvaluatedKey is not null)
        {
            w.WritePropertyName("LastEvaluatedKey");
            AttributeValueJson.WriteMap(w, page.LastEvaluatedKey);
        }
        w.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter w, IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> items)
    {
        w.WriteStartArray("Items");
        foreach (var item in items) AttributeValueJson.WriteMap(w, item);
        w.WriteEndArray();
    }
}
