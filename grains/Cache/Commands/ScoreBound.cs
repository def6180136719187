namespace DataTier.Cache.Commands;

/// <summary>A score bound of ZRANGEBYSCORE and ZCOUNT: a value, exclusive when written with '('.</summary>
public readonly record struct ScoreBound(double Value, bool Exclusive)
{
    public static bool TryParse(byte[] text, out ScoreBound bound)
    {
        var exclusive = text.Length > 0 && text[0] == '(';
        var ok = CacheNumbers.TryParseDouble(exclusive ? text.AsSpan(1) : text, out var value);
        bound = new ScoreBound(value, exclusive);
        return ok;
    }

    public bool AtOrAboveMin(double score) => Exclusive ? score > Value : score >= Value;

    public bool AtOrBelowMax(double score) => Exclusive ? score < Value : score <= Value;
}
