using DataTier.Errors;
using DataTier.Keys;
using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Expressions;

/// <summary>
/// A KeyConditionExpression reduced to what a Query reads: one partition key value and at most one
/// sort-key condition, then turned into a range of item positions.
/// </summary>
public sealed record KeyConditionPlan(AttrValue PartitionValue, SortKeyCondition? SortCondition)
{
    private const string Kind = "KeyConditionExpression";

    public static KeyConditionPlan From(Condition condition, TableKeySchema schema)
    {
        var parts = new List<Condition>();
        Flatten(condition, parts);
        AttrValue? partitionValue = null;
        SortKeyCondition? sort = null;
        foreach (var part in parts)
        {
            var (name, sortCondition, isEquality) = Describe(part);
            if (name == schema.PartitionKey.Name)
            {
                if (!isEquality) throw DynamoException.Validation("Query key condition not supported");
                if (partitionValue is not null) throw DynamoException.Validation("KeyConditionExpressions must only contain one condition per key");
                partitionValue = sortCondition.Value;
                CheckType(schema.PartitionKey, partitionValue);
            }
            else if (schema.SortKey is not null && name == schema.SortKey.Name)
            {
                if (sort is not null) throw DynamoException.Validation("KeyConditionExpressions must only contain one condition per key");
                sort = sortCondition;
                CheckType(schema.SortKey, sort.Value);
                if (sort.High is not null) CheckType(schema.SortKey, sort.High);
                if (sort.Op == SortKeyOp.BeginsWith && schema.SortKey.Type == AttrType.N)
                    throw DynamoException.Validation($"Invalid {Kind}: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                if (sort.Op == SortKeyOp.Between && KeyBytes.Compare(sort.Value, sort.High!) > 0)
                    throw DynamoException.Validation($"Invalid {Kind}: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {sort.Value}, upper bound operand: AttributeValue: {sort.High}");
            }
            else
            {
                throw DynamoException.Validation(schema.SortKey is { } missing
                    ? $"Query condition missed key schema element: {missing.Name}"
                    : "Query condition missed key schema element");
            }
        }
        if (partitionValue is null)
            throw DynamoException.Validation($"Query condition missed key schema element: {schema.PartitionKey.Name}");
        return new KeyConditionPlan(partitionValue, sort);
    }

    /// <summary>The positions of the items the condition selects.</summary>
    public KeyRange ToRange()
    {
        var pk = KeyBytes.Of(PartitionValue);
        var prefix = ItemKey.EncodePartitionPrefix(KeyHash.Compute(pk), pk);
        var end = KeyBytes.PrefixSuccessor(prefix);
        if (SortCondition is null) return new KeyRange(prefix, true, end, false);
        var at = Concat(prefix, KeyBytes.Of(SortCondition.Value));
        return SortCondition.Op switch
        {
            SortKeyOp.Eq => new KeyRange(at, true, at, true),
            SortKeyOp.Lt => new KeyRange(prefix, true, at, false),
            SortKeyOp.Le => new KeyRange(prefix, true, at, true),
            SortKeyOp.Gt => new KeyRange(at, false, end, false),
            SortKeyOp.Ge => new KeyRange(at, true, end, false),
            SortKeyOp.Between => new KeyRange(at, true, Concat(prefix, KeyBytes.Of(SortCondition.High!)), true),
            _ => new KeyRange(at, true, KeyBytes.PrefixSuccessor(at) ?? end, false),
        };
    }

    public ulong Hash => KeyHash.Compute(KeyBytes.Of(PartitionValue));

    private static byte[] Concat(byte[] a, byte[] b) => [.. a, .. b];

    private static void Flatten(Condition condition, List<Condition> parts)
    {
        switch (condition)
        {
            case AndCondition and:
                Flatten(and.Left, parts);
                Flatten(and.Right, parts);
                break;
            case OrCondition:
                throw DynamoException.Validation($"Invalid operator used in {Kind}: OR");
            case NotCondition:
                throw DynamoException.Validation($"Invalid operator used in {Kind}: NOT");
            case InCondition:
                throw DynamoException.Validation($"Invalid operator used in {Kind}: IN");
            default:
                parts.Add(condition);
                break;
        }
    }

    private static (string Name, SortKeyCondition Condition, bool IsEquality) Describe(Condition part)
    {
        switch (part)
        {
            case CompareCondition c:
                if (c.Op == CompareOp.Ne) throw DynamoException.Validation($"Invalid operator used in {Kind}: <>");
                if (c.Left is SizeOperand || c.Right is SizeOperand)
                    throw DynamoException.Validation("KeyConditionExpressions cannot contain nested operations");
                var (path, value, flipped) = c.Left is PathOperand p && c.Right is ValueOperand v ? (p, v, false)
                    : c.Right is PathOperand p2 && c.Left is ValueOperand v2 ? (p2, v2, true)
                    : throw DynamoException.Validation("Query key condition not supported");
                var op = (c.Op, flipped) switch
                {
                    (CompareOp.Eq, _) => SortKeyOp.Eq,
                    (CompareOp.Lt, false) or (CompareOp.Gt, true) => SortKeyOp.Lt,
                    (CompareOp.Le, false) or (CompareOp.Ge, true) => SortKeyOp.Le,
                    (CompareOp.Gt, false) or (CompareOp.Lt, true) => SortKeyOp.Gt,
                    _ => SortKeyOp.Ge,
                };
                return (TopLevel(path), new SortKeyCondition(op, value.Value), op == SortKeyOp.Eq);
            case BetweenCondition b when b.Value is PathOperand bp && b.Low is ValueOperand low && b.High is ValueOperand high:
                return (TopLevel(bp), new SortKeyCondition(SortKeyOp.Between, low.Value, high.Value), false);
            case FunctionCondition { Name: "begins_with" } f when f.Arguments[1] is ValueOperand prefix:
                return (TopLevel((PathOperand)f.Arguments[0]), new SortKeyCondition(SortKeyOp.BeginsWith, prefix.Value), false);
            case FunctionCondition f:
                throw DynamoException.Validation($"Invalid operator used in {Kind}: {f.Name}");
            default:
                throw DynamoException.Validation("Query key condition not supported");
        }
    }

    private static string TopLevel(PathOperand path) =>
        path.Path.Count == 1 ? path.TopLevelName : throw DynamoException.Validation("KeyConditionExpressions cannot have conditions on nested attributes");

    private static void CheckType(KeyAttribute key, AttrValue value)
    {
        if (value.Type != key.Type)
            throw DynamoException.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
}
