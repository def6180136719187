namespace DataTier.Cache.Commands.Reference;

/// <summary>One argument in COMMAND DOCS: its name and type, and for a block or a oneof the arguments it groups (flags space-separated).</summary>
public sealed record DocArgument(string Name, string Type)
{
    public int? KeySpecIndex { get; init; }
    public string? Token { get; init; }
    public string? Summary { get; init; }
    public string? Since { get; init; }
    public string? Flags { get; init; }
    public string? DeprecatedSince { get; init; }
    public DocArgument[] Arguments { get; init; } = [];
}
