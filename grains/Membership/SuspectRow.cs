namespace DataTier.Membership;

/// <summary>One suspicion in a stored membership row: who suspected, and when.</summary>
internal sealed record SuspectRow(string Silo, long Ticks);
