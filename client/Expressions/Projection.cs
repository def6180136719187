namespace DataTier.Client.Expressions;

/// <summary>Where projections start: <c>Projection.Of("title", "year")</c>.</summary>
public static class Projection
{
    public static ProjectionBuilder Of(params string[] names) => new(names.Select(AttributePath.Of).ToList());

    public static ProjectionBuilder Of(params AttributePath[] paths) => new(paths);
}
