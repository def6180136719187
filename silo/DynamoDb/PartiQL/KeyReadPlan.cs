using DataTier.Expressions;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// A SELECT of one item by its whole key, as batches and transactions read them: the key, the other WHERE parts
/// as a condition the item must meet to be returned, and the projection.
/// </summary>
public sealed record KeyReadPlan(string Table, IReadOnlyDictionary<string, AttrValue> Key, Condition? Filter, IReadOnlyList<PathExpression>? Projection)
{
    /// <summary>The item as the statement returns it: null when absent or when it fails the filter.</summary>
    public IReadOnlyDictionary<string, AttrValue>? Shape(IReadOnlyDictionary<string, AttrValue>? item)
    {
        if (item is null || Filter is not null && !ConditionEvaluator.Evaluate(Filter, item)) return null;
        return PartiQLProjection.Apply(item, Projection);
    }
}
