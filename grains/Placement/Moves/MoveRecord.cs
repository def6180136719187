namespace DataTier.Placement.Moves;

/// <summary>
/// One move of a grain from the silo that records it to another. <see cref="Duration"/> is null while
/// the move is in progress; it ends when the grain has left the source silo (after its state was
/// handed to the destination). <see cref="Abandoned"/> marks a move that never completed within
/// <see cref="MoveLog.AbandonAfter"/> (the grain stayed, or the ring changed again).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MoveRecord(
    [property: Id(0)] MoveKind Kind,
    [property: Id(1)] string Grain,
    [property: Id(2)] SiloAddress From,
    [property: Id(3)] SiloAddress? To,
    [property: Id(4)] MoveCause Cause,
    [property: Id(5)] DateTime StartedAt,
    [property: Id(6)] TimeSpan? Duration = null,
    [property: Id(7)] bool Abandoned = false);
