using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// The WHERE of a statement on one item: an equality on every key attribute, and the other parts, which become the
/// write's condition (or the read's filter).
/// </summary>
public sealed record ItemKeyWhere(IReadOnlyDictionary<string, AttrValue> Key, IReadOnlyList<PartiQLExpression> Conditions)
{
    /// <param name="incomplete">The refusal of a WHERE without the whole key (DynamoDB's words differ by operation).</param>
    public static ItemKeyWhere Of(PartiQLExpression? where, TableKeySchema schema, PartiQLValues values, string incomplete)
    {
        var keys = Model.ItemValidator.KeyAttributes(schema).ToList();
        var key = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        var conditions = new List<PartiQLExpression>();
        foreach (var part in PartiQLConjuncts.Of(where))
        {
            var equality = PartiQLConjuncts.Equality(part);
            var keyAttribute = equality is { } e ? keys.FirstOrDefault(k => k.Name == e.Name) : null;
            if (keyAttribute is null)
            {
                CheckNotKeyRange(part, schema);
                conditions.Add(part);
                continue;
            }
            if (key.ContainsKey(keyAttribute.Name))
                throw PartiQLErrors.Validation($"Multiple conditions on same key {keyAttribute.Name}. Only single item Update/Insert/Delete are supported");
            key[keyAttribute.Name] = PartiQLConjuncts.KeyValue(keyAttribute, equality!.Value.Value, values);
        }
        if (key.Count != keys.Count) throw PartiQLErrors.Validation(incomplete);
        return new ItemKeyWhere(key, conditions);
    }

    /// <summary>A comparison other than = on a key attribute cannot name one item.</summary>
    private static void CheckNotKeyRange(PartiQLExpression part, TableKeySchema schema)
    {
        if (part is not BinaryExpression { IsComparison: true } comparison) return;
        var name = (comparison.Left as PathExpression ?? comparison.Right as PathExpression) is { IsTopLevel: true } path ? path.TopLevelName : null;
        if (name == schema.PartitionKey.Name) throw PartiQLErrors.Validation($"Only single equality condition should be present on hash key {name}");
        if (name is not null && name == schema.SortKey?.Name)
            throw PartiQLErrors.Validation($"Condition on range key: {name}, operator: {comparison.Operator} is not valid condition");
    }
}
