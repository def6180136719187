namespace DataTier.Transactions;

/// <summary>The actions of a transaction that fall to one partition grain (by its key).</summary>
[GenerateSerializer, Immutable]
public sealed record TransactParticipant(
    [property: Id(0)] string PartitionGrainKey,
    [property: Id(1)] IReadOnlyList<TransactOperation> Operations);
