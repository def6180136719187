namespace DataTier.Cache.Commands;

/// <summary>How ZRANGE and its older relatives read their bounds: by rank, score or member (lex); Auto until BYSCORE or BYLEX decides.</summary>
public enum RangeKind
{
    Auto,
    Rank,
    Score,
    Lex,
}
