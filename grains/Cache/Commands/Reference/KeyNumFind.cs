namespace DataTier.Cache.Commands.Reference;

/// <summary>As many keys as the argument at <see cref="KeyNumIndex"/> says, from <see cref="FirstKey"/> (both relative to the start), every <see cref="KeyStep"/>.</summary>
public sealed record KeyNumFind(int KeyNumIndex, int FirstKey, int KeyStep) : KeyFind("keynum")
{
    public override IEnumerable<int> Positions(byte[][] a, int start)
    {
        if (start + KeyNumIndex >= a.Length || !CacheNumbers.TryParseLong(a[start + KeyNumIndex], out var count) || count <= 0) return [];
        var first = start + FirstKey;
        return Every(KeyStep, first, (int)Math.Min(first + (count - 1) * KeyStep, a.Length - 1));
    }

    public bool Fits(byte[][] a, int start) =>
        start + KeyNumIndex < a.Length && CacheNumbers.TryParseLong(a[start + KeyNumIndex], out var count) && count > 0
        && start + FirstKey + (count - 1) * KeyStep < a.Length;

    public override (string Name, int Value)[] Fields => [("keynumidx", KeyNumIndex), ("firstkey", FirstKey), ("keystep", KeyStep)];
}
