using DataTier.Placement.Moves;

namespace DataTier.Placement.Ownership;

/// <summary>A move as the admin view shows it; <see cref="DurationMs"/> is null while in progress.</summary>
public sealed record MoveView(string Kind, string Grain, string From, string? To, string Cause, DateTime StartedAt, double? DurationMs, double ElapsedMs)
{
    public static MoveView Of(MoveRecord move, DateTime now) => new(
        MoveMetrics.Name(move.Kind),
        move.Grain,
        move.From.ToString(),
        move.To?.ToString(),
        move.Cause == MoveCause.Rebalance ? "rebalance" : "hand_off",
        move.StartedAt,
        move.Duration?.TotalMilliseconds,
        (move.Duration ?? now - move.StartedAt).TotalMilliseconds);
}
