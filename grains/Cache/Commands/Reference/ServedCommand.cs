namespace DataTier.Cache.Commands.Reference;

/// <summary>Finds a served command or subcommand by the name COMMAND INFO and DOCS take (<c>get</c>, <c>OBJECT|ENCODING</c>).</summary>
public static class ServedCommand
{
    /// <summary>The lower-case name of the command or subcommand, or null when the cache does not serve it.</summary>
    public static string? Name(string requested)
    {
        var name = requested.ToLowerInvariant();
        var bar = name.IndexOf('|');
        if (bar < 0) return CommandTable.Find(name) is null ? null : name;
        return SubcommandTable.Of.TryGetValue(name[..bar], out var subcommands) && subcommands.Any(s => s.Name == name) ? name : null;
    }
}
