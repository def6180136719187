namespace DataTier.Transactions;

/// <summary>
/// A validated write transaction. <paramref name="ClientRequestToken"/> with <paramref name="RequestHash"/>
/// makes it idempotent: a repeat with the same token and hash within the window succeeds without writing again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransactWriteCommand(
    [property: Id(0)] IReadOnlyList<TransactParticipant> Participants,
    [property: Id(1)] int OperationCount,
    [property: Id(2)] string? ClientRequestToken,
    [property: Id(3)] string RequestHash);
