using System.Text.Json;
using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;
using DataTier.Transactions;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// ExecuteTransaction: up to 100 statements, all reads (run as TransactGetItems) or all writes (run as
/// TransactWriteItems: INSERT a put, UPDATE an update, DELETE a delete, EXISTS(SELECT ...) a condition check), with
/// those operations' atomicity, ClientRequestToken and CancellationReasons.
/// </summary>
public sealed class PartiQLTransactionOperations(ITableClient tables, PartiQLTranslator translator)
{
    private const int MaxStatements = 100;

    private sealed record Entry(PartiQLRequest Request, PartiQLStatement Statement, bool ReturnOnFailure);

    public async Task ExecuteTransaction(ApiRequest r, Utf8JsonWriter w)
    {
        var array = r.Required(r.Array("TransactStatements"), "transactStatements");
        var token = r.String("ClientRequestToken");
        if (token is { Length: 0 or > 36 })
            r.Invalid("clientRequestToken", token, $"Member must have length {(token.Length == 0 ? "greater than or equal to 1" : "less than or equal to 36")}");
        var capacity = ConsumedCapacityJson.Read(r);
        if (array is { } statements && statements.GetArrayLength() == 0) r.Invalid("transactStatements", "[]", "Member must have length greater than or equal to 1");
        r.ThrowIfInvalid();
        if (array!.Value.GetArrayLength() > MaxStatements)
            throw DynamoException.Validation($"1 validation error detected: Value at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to {MaxStatements}");
        var entries = array.Value.EnumerateArray().Select(ReadEntry).ToList();
        var reads = entries[0].Statement.IsRead;
        if (entries.Any(e => e.Statement.IsRead != reads))
            throw PartiQLErrors.Validation("ExecuteTransaction API does not support both read and write operations in the same request.");
        if (reads) await ReadAsync(entries, capacity, w);
        else await WriteAsync(entries, token, capacity, w);
    }

    private static Entry ReadEntry(JsonElement element, int index)
    {
        var e = new ApiRequest(BatchOperations.ObjectOf(element));
        var request = PartiQLRequest.Read(e, $"transactStatements.{index + 1}.member.");
        var returnOnFailure = ItemOperations.ReturnOnFailure(e);
        e.ThrowIfInvalid();
        return new Entry(request, InStatement(index, request.Parse), returnOnFailure);
    }

    private async Task ReadAsync(List<Entry> entries, ConsumedCapacityJson.Mode capacity, Utf8JsonWriter w)
    {
        const string keyRequired = "Select statements within ExecuteTransaction must specify the primary key in the where clause.";
        const string onIndex = "Reads on indices are not supported within transactions.";
        var plans = new List<KeyReadPlan>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            plans.Add(await InStatementAsync(i, () => translator.KeyReadAsync((SelectStatement)entry.Statement, entry.Request.Values, keyRequired, onIndex)));
        }
        var result = await tables.TransactGetItemsAsync(plans.Select(p => new TransactGetItem { TableName = p.Table, Key = p.Key }).ToList());
        TransactOperations.WriteReadResponse(w, plans.Select((plan, i) => plan.Shape(result.Items[i])), capacity, result.CapacityUnitsByTable);
    }

    private async Task WriteAsync(List<Entry> entries, string? token, ConsumedCapacityJson.Mode capacity, Utf8JsonWriter w)
    {
        var plans = new List<WritePlan>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Statement is UpdateStatement { Returning: not null } or DeleteStatement { Returning: not null })
                throw InStatement(i, PartiQLErrors.Validation("RETURNING clause is not supported in ExecuteTransaction."));
            plans.Add(await InStatementAsync(i, () => translator.WriteAsync(entry.Statement, entry.Request.Values)));
        }
        Client.Results.TransactWriteItemsResult result;
        try
        {
            result = await tables.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = plans.Select((p, i) => p.ToTransactItem(entries[i].ReturnOnFailure)).ToList(),
                ClientRequestToken = token,
            });
        }
        catch (DynamoException e) when (e.CancellationReasons is { } reasons)
        {
            // An INSERT's condition is that its key is free: failing it is a duplicate item.
            throw DynamoException.TransactionCanceled(reasons.Select((reason, i) =>
                plans[i].Kind == WriteKind.Insert && reason.Code == "ConditionalCheckFailed" ? new CancellationReason("DuplicateItem", PartiQLErrors.DuplicateItem) : reason).ToList());
        }
        catch (DynamoException e)
        {
            throw PartiQLRequest.WithoutExpressionName(e);
        }
        w.WriteStartObject();
        ConsumedCapacityJson.WriteList(w, capacity, result.CapacityUnitsByTable, read: false);
        w.WriteEndObject();
    }

    /// <summary>A statement refused on its own is refused as the transaction's statement at <paramref name="index"/> (from 0).</summary>
    private static T InStatement<T>(int index, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DynamoException e)
        {
            throw InStatement(index, e);
        }
    }

    private static async Task<T> InStatementAsync<T>(int index, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (DynamoException e)
        {
            throw InStatement(index, e);
        }
    }

    private static DynamoException InStatement(int index, DynamoException e)
    {
        e = PartiQLRequest.WithoutExpressionName(e);
        return e.Code == DynamoErrorCode.ValidationException
            ? PartiQLErrors.Validation($"Validation failed in TransactStatements[{index}]: {e.Message}")
            : e;
    }
}
