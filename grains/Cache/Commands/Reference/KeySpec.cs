namespace DataTier.Cache.Commands.Reference;

/// <summary>
/// One of a command's key specifications, as Redis 7.0's COMMAND INFO reports it: where the search for its keys begins,
/// how the keys are found from there, and what the command does to them (<see cref="Flags"/>, space-separated).
/// </summary>
public sealed record KeySpec(string Flags, KeySearch Begin, KeyFind Find)
{
    public string? Notes { get; init; }

    /// <summary>The positions of the keys this specification finds in a call (none where it cannot tell).</summary>
    public IEnumerable<int> Positions(byte[][] a) => Begin.Start(a) is { } start ? Find.Positions(a, start) : [];

    /// <summary>Whether the call holds the keys this specification counts (false when its numkeys is not a count or exceeds the arguments).</summary>
    public bool Fits(byte[][] a) => Find is not KeyNumFind counted || Begin.Start(a) is { } start && counted.Fits(a, start);

    public static KeySearch Index(int index) => new IndexSearch(index);

    public static KeySearch Keyword(string keyword, int startFrom) => new KeywordSearch(keyword, startFrom);

    public static readonly KeySearch UnknownSearch = new UnknownKeySearch();

    public static KeyFind Range(int lastKey, int keyStep, int limit) => new RangeFind(lastKey, keyStep, limit);

    public static KeyFind KeyNum(int keyNumIndex, int firstKey, int keyStep) => new KeyNumFind(keyNumIndex, firstKey, keyStep);

    public static readonly KeyFind UnknownFind = new UnknownKeyFind();
}
