namespace DataTier.Tests.Expressions.Properties;

/// <summary>One step of a reference document path: a map key (<see cref="Name"/>) or a list index.</summary>
public sealed record RStep(string? Name, int Index)
{
    public static RStep Key(string name) => new(name, 0);
    public static RStep At(int index) => new(null, index);
    public override string ToString() => Name is null ? $"[{Index}]" : $".{Name}";
}
