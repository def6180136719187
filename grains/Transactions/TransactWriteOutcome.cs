namespace DataTier.Transactions;

/// <summary>A committed write transaction: per action (request order), the larger of its item's old and new sizes.</summary>
[GenerateSerializer, Immutable]
public sealed record TransactWriteOutcome(
    [property: Id(0)] IReadOnlyList<int> ItemBytes,
    [property: Id(1)] bool Repeated);
