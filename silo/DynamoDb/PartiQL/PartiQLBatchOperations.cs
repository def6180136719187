using System.Text;
using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// BatchExecuteStatement: up to 25 statements, all reads of one item by its key or all writes, each run on its own
/// (not as a transaction). A statement that fails has its Error in its place of Responses; the request fails as a
/// whole only for what DynamoDB refuses it for: its shape, reads mixed with writes, one item named twice.
/// </summary>
public sealed class PartiQLBatchOperations(ITableClient tables, PartiQLTranslator translator, PartiQLWrites writes)
{
    private const int MaxStatements = 25;

    private sealed record Entry(PartiQLRequest Request, bool ConsistentRead, PartiQLStatement? Statement, DynamoException? Error);

    private sealed record Planned(Entry Entry, KeyReadPlan? Read, WritePlan? Write, BatchStatementResult? Failure);

    public async Task BatchExecuteStatement(ApiRequest r, Utf8JsonWriter w)
    {
        var array = r.Required(r.Array("Statements"), "statements");
        var capacity = ConsumedCapacityJson.Read(r);
        if (array is { } statements && statements.GetArrayLength() == 0) r.Invalid("statements", "[]", "Member must have length greater than or equal to 1");
        r.ThrowIfInvalid();
        if (array!.Value.GetArrayLength() > MaxStatements)
            throw DynamoException.Validation($"1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to {MaxStatements}");
        var entries = array.Value.EnumerateArray().Select((element, i) => ReadEntry(element, i)).ToList();
        if (entries.Any(e => e.Statement is { IsRead: true }) && entries.Any(e => e.Statement is { IsRead: false }))
            throw PartiQLErrors.Validation("Read and write requests together in the same batch is not supported.");
        var planned = new List<Planned>();
        foreach (var entry in entries) planned.Add(await PlanAsync(entry));
        CheckDistinctItems(planned);
        var results = await Task.WhenAll(planned.Select(RunAsync));
        w.WriteStartObject();
        w.WriteStartArray("Responses");
        foreach (var result in results) WriteResult(w, result);
        w.WriteEndArray();
        var byTable = results.Where(x => x.Error is null).GroupBy(x => x.TableName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.CapacityUnits), StringComparer.Ordinal);
        ConsumedCapacityJson.WriteList(w, capacity, byTable, read: entries.Any(e => e.Statement is { IsRead: true }));
        w.WriteEndObject();
    }

    private static Entry ReadEntry(JsonElement element, int index)
    {
        var e = new ApiRequest(BatchOperations.ObjectOf(element));
        var request = PartiQLRequest.Read(e, $"statements.{index + 1}.member.");
        var consistentRead = e.Bool("ConsistentRead") ?? false;
        // Taken and checked, but a batch statement that fails its condition never returns the item.
        ItemOperations.ReturnOnFailure(e);
        e.ThrowIfInvalid();
        try
        {
            var statement = request.Parse();
            if (statement is ExistsStatement) throw PartiQLErrors.Validation("EXISTS can only be used in ExecuteTransaction write requests.");
            return new Entry(request, consistentRead, statement, null);
        }
        catch (DynamoException error)
        {
            return new Entry(request, consistentRead, null, error);
        }
    }

    private async Task<Planned> PlanAsync(Entry entry)
    {
        if (entry.Statement is not { } statement) return new Planned(entry, null, null, new BatchStatementResult(null, null, BatchStatementError.Of(entry.Error!)));
        try
        {
            if (statement is SelectStatement select)
            {
                const string keyRequired = "Select statements within BatchExecuteStatement must specify the primary key in the where clause.";
                var read = await PartiQLOperations.Translated(() => translator.KeyReadAsync(select, entry.Request.Values, keyRequired, keyRequired));
                return new Planned(entry, read, null, null);
            }
            var write = await PartiQLOperations.Translated(() => translator.WriteAsync(statement, entry.Request.Values));
            return new Planned(entry, null, write, null);
        }
        catch (DynamoException e)
        {
            var table = e.Code == DynamoErrorCode.ResourceNotFoundException ? statement.Table : null;
            return new Planned(entry, null, null, new BatchStatementResult(table, null, BatchStatementError.Of(e)));
        }
    }

    /// <summary>A batch may name an item once, as BatchGetItem and BatchWriteItem may.</summary>
    private static void CheckDistinctItems(List<Planned> planned)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in planned)
        {
            var (table, key) = p.Read is { } read ? (read.Table, read.Key) : p.Write is { } write ? (write.Table, write.Key) : (null, null);
            if (table is null) continue;
            if (!seen.Add(table + "\u0000" + KeyText(key!))) throw PartiQLErrors.Validation("Provided list of item keys contains duplicates");
        }
    }

    private static string KeyText(IReadOnlyDictionary<string, AttrValue> key)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in key.OrderBy(k => k.Key, StringComparer.Ordinal))
            text.Append(name).Append('\u0000').Append(Convert.ToBase64String(ItemCodec.Encode(new Dictionary<string, AttrValue> { [""] = value }))).Append('\u0000');
        return text.ToString();
    }

    private async Task<BatchStatementResult> RunAsync(Planned planned)
    {
        if (planned.Failure is { } failure) return failure;
        var table = planned.Read?.Table ?? planned.Write!.Table;
        try
        {
            if (planned.Read is { } read)
            {
                var found = await tables.GetItemAsync(new GetItemRequest { TableName = read.Table, Key = read.Key, ConsistentRead = planned.Entry.ConsistentRead });
                return new BatchStatementResult(table, read.Shape(found.Item), null, found.CapacityUnits);
            }
            var result = await writes.RunAsync(planned.Write!, returnOnFailure: false);
            return new BatchStatementResult(table, PartiQLWrites.Returned(result).FirstOrDefault(), null, result.TotalCapacityUnits);
        }
        catch (DynamoException e)
        {
            return new BatchStatementResult(table, null, BatchStatementError.Of(PartiQLRequest.WithoutExpressionName(e)));
        }
    }

    private static void WriteResult(Utf8JsonWriter w, BatchStatementResult result)
    {
        w.WriteStartObject();
        if (result.Error is { } error)
        {
            w.WriteStartObject("Error");
            w.WriteString("Code", error.Code);
            w.WriteString("Message", error.Message);
            w.WriteEndObject();
        }
        if (result.TableName is not null) w.WriteString("TableName", result.TableName);
        if (result.Item is not null)
        {
            w.WritePropertyName("Item");
            AttributeValueJson.WriteMap(w, result.Item);
        }
        w.WriteEndObject();
    }
}
