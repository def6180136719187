namespace DataTier.Tests.Differential;

/// <summary>
/// A deliberate difference in the answer to particular cases. <see cref="Cases"/> names them (the last
/// step of each, or <c>name#N</c> for step N counted from 1). The project must give <see cref="Expect"/>
/// (AWS's answer) and dynalite must still answer differently, so that the entry is removed when it is
/// no longer needed.
/// </summary>
public sealed record CaseDifference
{
    public required string Id { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<string> Cases { get; init; }
    public required ExpectedAnswer Expect { get; init; }

    /// <summary>dynalite crashes on this request (its process exits), so it is not sent there.</summary>
    public bool DynaliteCrashes { get; init; }
}
