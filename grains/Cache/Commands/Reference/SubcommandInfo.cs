namespace DataTier.Cache.Commands.Reference;

/// <summary>A served subcommand's first COMMAND INFO fields as Redis 7.0 reports them: <c>container|sub</c>, arity, flags (space-separated), legacy key positions.</summary>
public sealed record SubcommandInfo(string Name, int Arity, string Flags, int FirstKey = 0, int LastKey = 0, int Step = 0);
