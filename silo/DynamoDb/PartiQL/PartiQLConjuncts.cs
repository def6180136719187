using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>Reading a WHERE as the AND of its parts, and finding the parts that test key attributes.</summary>
public static class PartiQLConjuncts
{
    public static List<PartiQLExpression> Of(PartiQLExpression? where)
    {
        var parts = new List<PartiQLExpression>();
        void Flatten(PartiQLExpression e)
        {
            if (e is BinaryExpression { Operator: "AND" } and)
            {
                Flatten(and.Left);
                Flatten(and.Right);
            }
            else
            {
                parts.Add(e);
            }
        }
        if (where is not null) Flatten(where);
        return parts;
    }

    public static List<PartiQLExpression> Disjuncts(PartiQLExpression where)
    {
        if (where is BinaryExpression { Operator: "OR" } or) return [.. Disjuncts(or.Left), .. Disjuncts(or.Right)];
        return [where];
    }

    /// <summary>The attribute of <c>name = value</c> or <c>value = name</c>, and the value's expression.</summary>
    public static (string Name, PartiQLExpression Value)? Equality(PartiQLExpression part) => part switch
    {
        BinaryExpression { Operator: "=", Left: PathExpression { IsTopLevel: true } path } e when PartiQLValues.IsValue(e.Right) => (path.TopLevelName, e.Right),
        BinaryExpression { Operator: "=", Right: PathExpression { IsTopLevel: true } path } e when PartiQLValues.IsValue(e.Left) => (path.TopLevelName, e.Left),
        _ => null,
    };

    /// <summary>A key value, of the type the key schema gives it.</summary>
    public static AttrValue KeyValue(KeyAttribute key, PartiQLExpression expression, PartiQLValues values)
    {
        var value = values.Evaluate(expression);
        if (value.Type != key.Type) throw PartiQLErrors.Validation($"Key attribute's data type should match its data type in table's schema: Key {key.Name}");
        return value;
    }
}
