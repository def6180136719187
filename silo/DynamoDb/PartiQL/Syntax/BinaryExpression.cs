namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>An infix operator: AND, OR, a comparison (<c>!=</c> read as <c>&lt;&gt;</c>), or <c>+</c> and <c>-</c>.</summary>
public sealed record BinaryExpression(string Operator, PartiQLExpression Left, PartiQLExpression Right) : PartiQLExpression
{
    public static readonly IReadOnlySet<string> Comparisons = new HashSet<string>(StringComparer.Ordinal) { "=", "<>", "<", "<=", ">", ">=" };

    public bool IsComparison => Comparisons.Contains(Operator);
}
