namespace DataTier.Cache.Commands;

/// <summary>How ZUNION and ZINTER combine a member's weighted scores from several sources (AGGREGATE).</summary>
public enum ScoreAggregate : byte
{
    Sum,
    Min,
    Max,
}
