namespace DataTier.Cache.Commands.Reference;

/// <summary>
/// What a call does to the key at each position, as COMMAND GETKEYSANDFLAGS reports it: the flags of the key
/// specification that finds it there; for a key no specification can find (SORT's STORE), those of the last
/// specification Redis marks unknown; for SET and BITFIELD, whose flags depend on their options, those the options give.
/// </summary>
public sealed class KeyFlags(KeySpec[] specs, byte[][] call)
{
    private const string Variable = "variable_flags";

    private static readonly Dictionary<string, Func<byte[][], string?>> ByOptions = new(StringComparer.Ordinal)
    {
        // Without GET, SET only overwrites; a BITFIELD without SET or INCRBY only reads.
        ["set"] = a => a.Skip(3).Any(x => Arg.Is(x, "get")) ? null : "OW update",
        ["bitfield"] = a => a.Skip(2).Any(x => Arg.Is(x, "set") || Arg.Is(x, "incrby")) ? null : "RO access",
    };

    public string At(int position)
    {
        var spec = specs.FirstOrDefault(s => s.Positions(call).Contains(position)) ?? specs.LastOrDefault(s => s.Begin is UnknownKeySearch);
        if (spec is null) return "";
        if (!spec.Flags.Contains(Variable)) return spec.Flags;
        return ByOptions.TryGetValue(Arg.Lower(call[0]), out var options) && options(call) is { } flags
            ? flags
            : string.Join(' ', spec.Flags.Split(' ').Where(f => f != Variable));
    }
}
