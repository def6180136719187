namespace DataTier.Cache.Commands.Reference;

/// <summary>Keys only the command can find.</summary>
public sealed record UnknownKeyFind() : KeyFind("unknown")
{
    public override IEnumerable<int> Positions(byte[][] a, int start) => [];

    public override (string Name, int Value)[] Fields => [];
}
