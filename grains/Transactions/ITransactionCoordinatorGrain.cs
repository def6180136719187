using DataTier.Partitions;

namespace DataTier.Transactions;

/// <summary>
/// Runs TransactWriteItems and TransactGetItems across partition grains. A stateless worker: every
/// silo has local activations, and what must survive a crash lives in the store (locks, the ledger).
/// </summary>
public interface ITransactionCoordinatorGrain : IGrainWithIntegerKey
{
    Task<TransactWriteOutcome> Write(TransactWriteCommand command);

    /// <summary>The items of a read transaction (null when absent), in request order, as of one moment.</summary>
    Task<IReadOnlyList<VersionedItem?>> Read(IReadOnlyList<TransactReadParticipant> participants, int keyCount);
}
