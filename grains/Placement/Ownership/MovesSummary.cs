namespace DataTier.Placement.Ownership;

/// <summary>The moves recorded by the silos that answered: those in progress, how many completed and were abandoned, and the latest completed.</summary>
public sealed record MovesSummary(IReadOnlyList<MoveView> InProgress, long Completed, long Abandoned, IReadOnlyList<MoveView> Recent);
