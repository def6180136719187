using DataTier.Client.Requests;
using DataTier.Expressions;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// Translates parsed statements, with their parameters and their table's key schema, into the item operations
/// they run: a SELECT into Queries or a Scan (or, in batches and transactions, a read of one item), a write into a
/// put, update, delete or condition check with the expressions that carry its semantics.
/// </summary>
public sealed class PartiQLTranslator(PartiQLTables tables)
{
    public async Task<SelectPlan> SelectAsync(SelectStatement select, PartiQLValues values, bool consistentRead)
    {
        var table = await tables.GetAsync(select.Table, select.Index);
        return SelectPlanner.Plan(select, table, values, consistentRead);
    }

    /// <param name="incomplete">The refusal of a WHERE without the whole key, or of an index.</param>
    public async Task<KeyReadPlan> KeyReadAsync(SelectStatement select, PartiQLValues values, string incomplete, string onIndex)
    {
        if (select.Index is not null) throw PartiQLErrors.Validation(onIndex);
        var table = await tables.GetAsync(select.Table);
        var where = ItemKeyWhere.Of(select.Where, table.KeySchema, values, incomplete);
        Condition? filter = null;
        if (where.Conditions.Count > 0)
        {
            var writer = new PartiQLExpressionWriter(values);
            var text = writer.Conditions(where.Conditions);
            filter = ExpressionParser.ParseCondition("FilterExpression", text, new ExpressionContext(writer.Names, writer.ValueMap));
        }
        return new KeyReadPlan(select.Table, where.Key, filter, select.Projection);
    }

    public Task<WritePlan> WriteAsync(PartiQLStatement statement, PartiQLValues values) => statement switch
    {
        InsertStatement insert => InsertAsync(insert, values),
        UpdateStatement update => UpdateAsync(update, values),
        DeleteStatement delete => DeleteAsync(delete, values),
        ExistsStatement exists => ConditionCheckAsync(exists, values),
        _ => throw new ArgumentException("not a write", nameof(statement)),
    };

    private async Task<WritePlan> InsertAsync(InsertStatement insert, PartiQLValues values)
    {
        if (insert.Returning is not null) throw PartiQLErrors.Validation("RETURNING is not supported in INSERT");
        var item = values.Evaluate(insert.Item);
        if (item.Type != AttrType.M)
            throw PartiQLErrors.Validation("Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.");
        var table = await tables.GetAsync(insert.Table);
        var itemKey = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        foreach (var key in ItemValidator.KeyAttributes(table.KeySchema))
        {
            if (!item.Map!.TryGetValue(key.Name, out var value)) throw PartiQLErrors.Validation($"Key attribute should be present in the item: Key {key.Name}");
            if (value.Type != key.Type) throw PartiQLErrors.Validation($"Key attribute's data type should match its data type in table's schema: Key {key.Name}");
            itemKey[key.Name] = value;
        }
        var writer = new PartiQLExpressionWriter(values);
        var condition = $"attribute_not_exists({writer.Name(table.KeySchema.PartitionKey.Name)})";
        return new WritePlan(WriteKind.Insert, insert.Table, item.Map!, null, condition, writer.Names, null, ReturnValues.NONE) { Key = itemKey };
    }

    private async Task<WritePlan> UpdateAsync(UpdateStatement update, PartiQLValues values)
    {
        var returnValues = update.Returning switch
        {
            null => ReturnValues.NONE,
            { Modified: false, New: false } => ReturnValues.ALL_OLD,
            { Modified: true, New: false } => ReturnValues.UPDATED_OLD,
            { Modified: false, New: true } => ReturnValues.ALL_NEW,
            _ => ReturnValues.UPDATED_NEW,
        };
        var table = await tables.GetAsync(update.Table);
        var where = ItemKeyWhere.Of(update.Where, table.KeySchema, values, PartiQLErrors.IncompleteKey);
        if (update.Clauses.Count == 0) throw PartiQLErrors.Malformed("Unexpected term");
        var writer = new PartiQLExpressionWriter(values);
        var expression = PartiQLUpdateWriter.Write(update.Clauses, writer);
        // UPDATE is no upsert: the item must exist, and meet the WHERE's other conditions.
        var condition = $"attribute_exists({writer.Name(table.KeySchema.PartitionKey.Name)})";
        if (where.Conditions.Count > 0) condition += " AND " + writer.Conditions(where.Conditions);
        return new WritePlan(WriteKind.Update, update.Table, where.Key, expression, condition, writer.Names, writer.ValueMap, returnValues);
    }

    private async Task<WritePlan> DeleteAsync(DeleteStatement delete, PartiQLValues values)
    {
        if (delete.Returning is { Modified: true } or { New: true })
            throw PartiQLErrors.Validation($"Invalid returning clause: RETURNING {delete.Returning}. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        var table = await tables.GetAsync(delete.Table);
        var where = ItemKeyWhere.Of(delete.Where, table.KeySchema, values, PartiQLErrors.IncompleteKey);
        var writer = new PartiQLExpressionWriter(values);
        // A missing item is deleted without a word; only an item that is there must meet the other conditions.
        var condition = where.Conditions.Count == 0 ? null
            : $"attribute_not_exists({writer.Name(table.KeySchema.PartitionKey.Name)}) OR "
              // one condition comes in parentheses already, and AWS refuses a pair right inside another
              + (where.Conditions.Count == 1 ? writer.Conditions(where.Conditions) : $"({writer.Conditions(where.Conditions)})");
        return new WritePlan(WriteKind.Delete, delete.Table, where.Key, null, condition, writer.Names, writer.ValueMap,
            delete.Returning is null ? ReturnValues.NONE : ReturnValues.ALL_OLD);
    }

    private async Task<WritePlan> ConditionCheckAsync(ExistsStatement exists, PartiQLValues values)
    {
        if (exists.Select.Index is not null) throw PartiQLErrors.Validation("Operations on indices are not supported in transactions");
        var table = await tables.GetAsync(exists.Table);
        var where = ItemKeyWhere.Of(exists.Select.Where, table.KeySchema, values, "EXISTS() must contain a single item read with additional condition");
        var writer = new PartiQLExpressionWriter(values);
        var condition = $"attribute_exists({writer.Name(table.KeySchema.PartitionKey.Name)})";
        if (where.Conditions.Count > 0) condition += " AND " + writer.Conditions(where.Conditions);
        return new WritePlan(WriteKind.ConditionCheck, exists.Table, where.Key, null, condition, writer.Names, writer.ValueMap, ReturnValues.NONE);
    }
}
