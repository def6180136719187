namespace DataTier.Cache.Commands.Reference;

/// <summary>Keys that begin at a fixed argument.</summary>
public sealed record IndexSearch(int Index) : KeySearch("index")
{
    public override int? Start(byte[][] a) => Index < a.Length ? Index : null;

    public override (string Name, object Value)[] Fields => [("index", Index)];
}
