namespace DataTier.Transactions;

/// <summary>The keys of a read transaction that fall to one partition grain.</summary>
[GenerateSerializer, Immutable]
public sealed record TransactReadParticipant(
    [property: Id(0)] string PartitionGrainKey,
    [property: Id(1)] IReadOnlyList<TransactReadKey> Keys);
