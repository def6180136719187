namespace DataTier.Client.Expressions;

/// <summary>A built ProjectionExpression: the attributes (or nested paths) to return.</summary>
public sealed class ProjectionBuilder
{
    private readonly IReadOnlyList<AttributePath> _paths;

    internal ProjectionBuilder(IReadOnlyList<AttributePath> paths) =>
        _paths = paths.Count > 0 ? paths : throw new ArgumentException("A projection names at least one attribute.", nameof(paths));

    public ProjectionBuilder And(string name) => new([.. _paths, AttributePath.Of(name)]);

    public ProjectionBuilder And(AttributePath path) => new([.. _paths, path]);

    public override string ToString() => Render(new ExpressionAttributes());

    internal string Render(ExpressionAttributes attributes) => string.Join(", ", _paths.Select(attributes.Path));
}
