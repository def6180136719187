namespace DataTier.Expressions;

/// <summary>One step of a document path: a map key (<see cref="Name"/>) or a list index.</summary>
[GenerateSerializer, Immutable]
public sealed record PathElement([property: Id(0)] string? Name, [property: Id(1)] int Index)
{
    public override string ToString() => Name ?? $"[{Index}]";
}
