using DataTier.Expressions;

namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>A document path: a top-level name, then map keys and list indexes (<c>a.b[1].c</c>).</summary>
public sealed record PathExpression(IReadOnlyList<PathElement> Elements) : PartiQLExpression
{
    public string TopLevelName => Elements[0].Name!;

    public bool IsTopLevel => Elements.Count == 1;

    /// <summary>
    /// The name a projected path comes back under: its last map key with the list indexes after it, as DynamoDB
    /// names them (<c>SELECT m.k[1]</c> returns <c>k[1]</c>).
    /// </summary>
    public string OutputName
    {
        get
        {
            var last = Elements.Count - 1;
            while (Elements[last].Name is null) last--;
            return string.Concat(Elements.Skip(last).Select(e => e.ToString()));
        }
    }

    public override string ToString() => string.Join(".", Elements).Replace(".[", "[", StringComparison.Ordinal);
}
