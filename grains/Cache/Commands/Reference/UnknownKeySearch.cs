namespace DataTier.Cache.Commands.Reference;

/// <summary>Keys whose place only the command knows (SORT's BY, GET and STORE).</summary>
public sealed record UnknownKeySearch() : KeySearch("unknown")
{
    public override int? Start(byte[][] a) => null;

    public override (string Name, object Value)[] Fields => [];
}
