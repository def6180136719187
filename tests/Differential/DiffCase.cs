namespace DataTier.Tests.Differential;

/// <summary>A named sequence of requests; every step's answers are compared, the last is the one the case is about.</summary>
public sealed record DiffCase(string Name, IReadOnlyList<DiffStep> Steps)
{
    public override string ToString() => Name;
}
