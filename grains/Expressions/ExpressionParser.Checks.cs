using DataTier.Errors;
using DataTier.Keys;
using DataTier.Model;

namespace DataTier.Expressions;

/// <summary>Checks AWS makes while parsing, before any item is read: paths that overlap or conflict, BETWEEN bounds.</summary>
public sealed partial class ExpressionParser
{
    /// <summary>
    /// Two paths where one is a prefix of the other overlap; two that first differ where one has a map key
    /// and the other a list index conflict. AWS reports the first overlapping pair, and only without one the first
    /// conflicting pair.
    /// </summary>
    private static void CheckOverlaps(string kind, IReadOnlyList<IReadOnlyList<PathElement>> paths)
    {
        (IReadOnlyList<PathElement> A, IReadOnlyList<PathElement> B)? conflict = null;
        for (var j = 1; j < paths.Count; j++)
            for (var i = 0; i < j; i++)
            {
                var a = paths[i];
                var b = paths[j];
                var common = Math.Min(a.Count, b.Count);
                var k = 0;
                while (k < common && a[k] == b[k]) k++;
                if (k == common) throw PathsError(kind, "overlap", a, b);
                if ((a[k].Name is null) != (b[k].Name is null)) conflict ??= (a, b);
            }
        if (conflict is var (first, second)) throw PathsError(kind, "conflict", first, second);
    }

    private static DynamoException PathsError(string kind, string relation, IReadOnlyList<PathElement> a, IReadOnlyList<PathElement> b) =>
        DynamoException.Validation(
            $"Invalid {kind}: Two document paths {relation} with each other; must remove or rewrite one of these paths; path one: [{string.Join(", ", a)}], path two: [{string.Join(", ", b)}]");

    /// <summary>BETWEEN with two literal bounds: same type, lower not above upper.</summary>
    private static void CheckBetweenBounds(string kind, AttrValue low, AttrValue high)
    {
        if (low.Type != high.Type)
            throw DynamoException.Validation($"Invalid {kind}: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {Describe(low)}, upper bound operand: AttributeValue: {Describe(high)}");
        if (low.Type is AttrType.S or AttrType.N or AttrType.B && KeyBytes.Compare(low, high) > 0)
            throw DynamoException.Validation($"Invalid {kind}: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {Describe(low)}, upper bound operand: AttributeValue: {Describe(high)}");
    }

    private static string Describe(AttrValue v) => v.Type switch
    {
        AttrType.S or AttrType.N => $"{{{v.Type}:{v.Text}}}",
        _ => v.ToString() ?? v.Type.ToString(),
    };
}
