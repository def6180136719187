using DataTier.Expressions;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>A SELECT's projection of an item: each path's value under the path's output name (its last part).</summary>
public static class PartiQLProjection
{
    public static IReadOnlyDictionary<string, AttrValue> Apply(IReadOnlyDictionary<string, AttrValue> item, IReadOnlyList<PathExpression>? projection)
    {
        if (projection is null) return item;
        var result = new Dictionary<string, AttrValue>(StringComparer.Ordinal);
        foreach (var path in projection)
            if (DocumentPath.Resolve(item, path.Elements) is { } value) result[path.OutputName] = value;
        return result;
    }

    /// <summary>
    /// The ProjectionExpression that reads what the projection needs: the top-level attributes of its paths, whole,
    /// as a projected list keeps only the elements named, renumbered, where <c>l[1]</c> must still find its element.
    /// </summary>
    public static string? Expression(IReadOnlyList<PathExpression>? projection, PartiQLExpressionWriter writer) =>
        projection is null ? null : string.Join(", ", projection.Select(p => p.TopLevelName).Distinct(StringComparer.Ordinal).Select(writer.Name));
}
