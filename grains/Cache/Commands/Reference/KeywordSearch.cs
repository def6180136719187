namespace DataTier.Cache.Commands.Reference;

/// <summary>Keys that begin after a keyword, searched for from <see cref="StartFrom"/> (negative: backwards from the end).</summary>
public sealed record KeywordSearch(string Keyword, int StartFrom) : KeySearch("keyword")
{
    private readonly string _lowerKeyword = Keyword.ToLowerInvariant();

    public override int? Start(byte[][] a)
    {
        var backwards = StartFrom < 0;
        for (var i = backwards ? a.Length + StartFrom : StartFrom; i > 0 && i < a.Length; i += backwards ? -1 : 1)
            if (Arg.Is(a[i], _lowerKeyword)) return i + 1;
        return null;
    }

    public override (string Name, object Value)[] Fields => [("keyword", Keyword), ("startfrom", StartFrom)];
}
