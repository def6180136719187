using System.IO.Hashing;
using System.Text;
using DataTier.Client.Requests;
using DataTier.Client.Results;
using DataTier.Errors;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Transactions;

namespace DataTier.Client;

/// <summary>
/// TransactWriteItems and TransactGetItems: validated and routed here, run by a transaction
/// coordinator grain across the partitions they touch (see README, "Transactions").
/// </summary>
public sealed partial class TableClient
{
    public const int MaxTransactionItems = 100;

    private ITransactionCoordinatorGrain Coordinator => grains.GetGrain<ITransactionCoordinatorGrain>(0);

    public async Task<TransactWriteItemsResult> TransactWriteItemsAsync(TransactWriteItemsRequest request)
    {
        var items = request.TransactItems;
        var errors = new List<string>();
        CheckTransactionSize(items.Count, errors);
        if (request.ClientRequestToken is { } token && token.Length is < 1 or > 36)
            errors.Add($"Value '{token}' at 'clientRequestToken' failed to satisfy constraint: Member must have length {(token.Length < 1 ? "greater than or equal to 1" : "less than or equal to 36")}");
        RequestValidation.Throw(errors);
        var parsed = items.Select(ParseTransactWrite).ToList();
        var fingerprint = Fingerprint(items);
        return await WithTablesAsync(items.Select(i => i.TableName), async tables =>
        {
            var operations = new List<(TableDescription Table, TransactOperation Operation)>(items.Count);
            var seen = new HashSet<(Guid, string)>();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var table = tables[item.TableName];
                var attributes = item.Kind == TransactOperationKind.Put ? item.Item! : item.Key!;
                if (item.Kind == TransactOperationKind.Put) ItemValidator.ValidateItem(table.KeySchema, attributes);
                else ItemValidator.ValidateKey(table.KeySchema, attributes);
                if (parsed[i].Actions is { } actions) UpdateKeyChecks.Check(table, actions);
                var key = ItemValidator.ItemKeyOf(table.KeySchema, attributes);
                if (!seen.Add((table.Id, Convert.ToBase64String(key.Encode()))))
                    throw DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                operations.Add((table, new TransactOperation(i, item.Kind, key,
                    item.Kind == TransactOperationKind.Put ? item.Item : null,
                    item.Kind == TransactOperationKind.Update ? item.Key : null,
                    parsed[i].Actions, parsed[i].Condition, item.ReturnValuesOnConditionCheckFailure)));
            }
            var participants = operations
                .GroupBy(o => o.Table.PartitionGrainKey(o.Table.Partitions.IdOf(o.Operation.Key.Hash)))
                .Select(g => new TransactParticipant(g.Key, g.Select(o => o.Operation).ToList()))
                .ToList();
            var outcome = await Coordinator.Write(new TransactWriteCommand(participants, items.Count, request.ClientRequestToken, fingerprint));
            var capacity = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
                capacity[items[i].TableName] = capacity.GetValueOrDefault(items[i].TableName) + 2 * (CapacityUnits.Write(outcome.ItemBytes[i]) + (outcome.IndexUnits?[i] ?? 0));
            var collections = outcome.CollectionBytes is not { } bytes ? null : ItemCollectionSize.ByTable(items.Select((item, i) =>
                (item.TableName, bytes[i] is { } size ? CollectionKeyOf(tables[item.TableName], item.Item ?? item.Key!, size) : null)));
            return new TransactWriteItemsResult(capacity, collections);
        });
    }

    public async Task<TransactGetItemsResult> TransactGetItemsAsync(IReadOnlyList<TransactGetItem> items)
    {
        var errors = new List<string>();
        CheckTransactionSize(items.Count, errors);
        RequestValidation.Throw(errors);
        var projections = items.Select((item, i) =>
        {
            RequestValidation.TableName(item.TableName, $"transactItems.{i + 1}.member.get.tableName");
            RequestValidation.ExpressionMaps(item.ExpressionAttributeNames, null, item.ProjectionExpression is not null);
            if (item.ProjectionExpression is null) return null;
            var context = new ExpressionContext(item.ExpressionAttributeNames, null);
            var projection = ExpressionParser.ParseProjection(item.ProjectionExpression, context);
            context.EnsureAllUsed();
            return projection;
        }).ToList();
        return await WithTablesAsync(items.Select(i => i.TableName), async tables =>
        {
            var keys = new List<(TableDescription Table, TransactReadKey Key)>(items.Count);
            var seen = new HashSet<(Guid, string)>();
            for (var i = 0; i < items.Count; i++)
            {
                var table = tables[items[i].TableName];
                var key = ItemValidator.ValidatedKeyOf(table.KeySchema, items[i].Key);
                if (!seen.Add((table.Id, Convert.ToBase64String(key.Encode()))))
                    throw DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                keys.Add((table, new TransactReadKey(i, key)));
            }
            var participants = keys
                .GroupBy(k => k.Table.PartitionGrainKey(k.Table.Partitions.IdOf(k.Key.Key.Hash)))
                .Select(g => new TransactReadParticipant(g.Key, g.Select(k => k.Key).ToList()))
                .ToList();
            var found = await Coordinator.Read(participants, items.Count);
            var capacity = new Dictionary<string, double>(StringComparer.Ordinal);
            var results = new IReadOnlyDictionary<string, AttrValue>?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var attributes = found[i]?.Attributes;
                capacity[items[i].TableName] = capacity.GetValueOrDefault(items[i].TableName) + 2 * CapacityUnits.Read(CapacityUnits.SizeOf(attributes), consistent: true);
                results[i] = attributes is null || projections[i] is null ? attributes : DocumentPath.Project(attributes, projections[i]!);
            }
            return new TransactGetItemsResult(results, capacity);
        });
    }

    private static void CheckTransactionSize(int count, List<string> errors)
    {
        if (count < 1)
            errors.Add("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        else if (count > MaxTransactionItems)
            errors.Add($"Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to {MaxTransactionItems}");
    }

    private static (IReadOnlyList<UpdateAction>? Actions, Condition? Condition) ParseTransactWrite(TransactWriteItem item, int index)
    {
        var member = item.Kind switch
        {
            TransactOperationKind.Put => "put",
            TransactOperationKind.Update => "update",
            TransactOperationKind.Delete => "delete",
            _ => "conditionCheck",
        };
        var prefix = $"transactItems.{index + 1}.member.{member}";
        RequestValidation.TableName(item.TableName, prefix + ".tableName");
        var errors = new List<string>();
        void Required(object? value, string name)
        {
            if (value is null) errors.Add($"Value null at '{prefix}.{name}' failed to satisfy constraint: Member must not be null");
        }
        if (item.Kind == TransactOperationKind.Put) Required(item.Item, "item");
        else Required(item.Key, "key");
        if (item.Kind == TransactOperationKind.Update) Required(item.UpdateExpression, "updateExpression");
        if (item.Kind == TransactOperationKind.ConditionCheck) Required(item.ConditionExpression, "conditionExpression");
        RequestValidation.Throw(errors);

        RequestValidation.ExpressionMaps(item.ExpressionAttributeNames, item.ExpressionAttributeValues,
            item.UpdateExpression is not null || item.ConditionExpression is not null);
        var context = new ExpressionContext(item.ExpressionAttributeNames, item.ExpressionAttributeValues);
        var actions = item.Kind == TransactOperationKind.Update ? ExpressionParser.ParseUpdate(item.UpdateExpression!, context) : null;
        var condition = item.ConditionExpression is null ? null : ExpressionParser.ParseCondition("ConditionExpression", item.ConditionExpression, context);
        context.EnsureAllUsed();
        return (actions, condition);
    }

    /// <summary>Runs an operation with the descriptions of several tables, once more with fresh ones if a table was re-created.</summary>
    private Task<T> WithTablesAsync<T>(IEnumerable<string> names, Func<IReadOnlyDictionary<string, TableDescription>, Task<T>> operation) =>
        // A transaction that meets a split partition was cancelled everywhere before it wrote: route it again.
        _router.RetryOnSplitAsync(() => WithFreshTablesAsync(names, operation));

    private async Task<T> WithFreshTablesAsync<T>(IEnumerable<string> names, Func<IReadOnlyDictionary<string, TableDescription>, Task<T>> operation)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        async Task<Dictionary<string, TableDescription>> Resolve()
        {
            var tables = new Dictionary<string, TableDescription>(StringComparer.Ordinal);
            foreach (var name in distinct) tables[name] = await _router.GetTableAsync(name);
            return tables;
        }
        try
        {
            return await operation(await Resolve());
        }
        catch (DynamoException e) when (e.Code == DynamoErrorCode.ResourceNotFoundException)
        {
            foreach (var name in distinct) _router.Forget(name);
            return await operation(await Resolve());
        }
    }

    /// <summary>A digest of everything a write transaction asks for: a repeated client token must come with the same request.</summary>
    private static string Fingerprint(IReadOnlyList<TransactWriteItem> items)
    {
        var hash = new XxHash128();
        void Add(string? text)
        {
            var bytes = Encoding.UTF8.GetBytes(text ?? "\u0000");
            hash.Append(BitConverter.GetBytes(bytes.Length));
            hash.Append(bytes);
        }
        void AddMap(IReadOnlyDictionary<string, AttrValue>? map)
        {
            if (map is null)
            {
                Add(null);
                return;
            }
            foreach (var (name, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Add(name);
                hash.Append(ItemCodec.Encode(new Dictionary<string, AttrValue> { [""] = value }));
            }
        }
        foreach (var item in items)
        {
            Add(item.Kind.ToString());
            Add(item.TableName);
            AddMap(item.Item);
            AddMap(item.Key);
            Add(item.UpdateExpression);
            Add(item.ConditionExpression);
            foreach (var (name, value) in item.ExpressionAttributeNames?.OrderBy(kv => kv.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>())
            {
                Add(name);
                Add(value);
            }
            AddMap(item.ExpressionAttributeValues);
            Add(item.ReturnValuesOnConditionCheckFailure ? "1" : "0");
        }
        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
