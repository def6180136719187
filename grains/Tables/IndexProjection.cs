namespace DataTier.Tables;

/// <summary>A secondary index's projection; <paramref name="NonKeyAttributes"/> only with INCLUDE.</summary>
[GenerateSerializer, Immutable]
public sealed record IndexProjection([property: Id(0)] ProjectionType Type, [property: Id(1)] IReadOnlyList<string>? NonKeyAttributes = null)
{
    public static IndexProjection All { get; } = new(ProjectionType.ALL);
}
