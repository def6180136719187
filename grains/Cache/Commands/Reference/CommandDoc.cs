namespace DataTier.Cache.Commands.Reference;

/// <summary>What COMMAND DOCS says of a command or subcommand, as Redis 7.0 documents it (flags space-separated).</summary>
public sealed record CommandDoc(string Summary, string Since, string Group, string? Complexity)
{
    public string? DocFlags { get; init; }
    public string? DeprecatedSince { get; init; }
    public string? ReplacedBy { get; init; }
    public (string Version, string Change)[] History { get; init; } = [];
    public DocArgument[] Arguments { get; init; } = [];
}
