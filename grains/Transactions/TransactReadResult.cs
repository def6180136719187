using DataTier.Partitions;

namespace DataTier.Transactions;

/// <summary>
/// A partition's answer to the first round of a read transaction: the committed items (null when
/// absent), per key whether a transaction still undecided holds it, and the partition's activation
/// and count of deletes: versions restart after a delete, so only an unchanged count makes an
/// unchanged version mean an unchanged item in the second round.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransactReadResult(
    [property: Id(0)] IReadOnlyList<VersionedItem?> Items,
    [property: Id(1)] IReadOnlyList<bool> Conflicts,
    [property: Id(2)] Guid Incarnation,
    [property: Id(3)] long DeleteCount);
