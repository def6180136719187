namespace DataTier.Cache.Commands.Reference;

/// <summary>
/// Keys every <see cref="KeyStep"/> arguments up to <see cref="LastKey"/> (relative to the start; negative: from the
/// end, where <see cref="Limit"/> above 1 keeps only that fraction of the arguments left, as XREAD's keys before its IDs).
/// </summary>
public sealed record RangeFind(int LastKey, int KeyStep, int Limit) : KeyFind("range")
{
    public override IEnumerable<int> Positions(byte[][] a, int start)
    {
        var last = LastKey >= 0 ? start + LastKey : a.Length + LastKey;
        if (LastKey < 0 && Limit > 1) last = start + (last - start + 1) / Limit - 1;
        return Every(KeyStep, start, Math.Min(last, a.Length - 1));
    }

    public override (string Name, int Value)[] Fields => [("lastkey", LastKey), ("keystep", KeyStep), ("limit", Limit)];
}
