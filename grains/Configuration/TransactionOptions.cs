namespace DataTier.Configuration;

/// <summary>Settings of TransactWriteItems and TransactGetItems (section <c>Transactions</c>).</summary>
public sealed class TransactionOptions
{
    /// <summary>
    /// How long a prepared item may wait for its transaction's outcome before the partition decides it
    /// itself (abort, unless the coordinator already committed). Only a coordinator lost mid-transaction
    /// makes anyone wait this long.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A ClientRequestToken is remembered this long after its transaction committed (DynamoDB: 10 minutes).</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Outcomes of aborted transactions are removed from the ledger after this long (committed ones once applied everywhere).</summary>
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each silo trims the ledger.</summary>
    public TimeSpan LedgerTrimInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts of TransactGetItems before it reports a conflict with a write transaction.</summary>
    public int ReadAttempts { get; set; } = 4;

    public void Validate()
    {
        if (LockTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(LockTimeout), "must be positive");
        if (IdempotencyWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(IdempotencyWindow), "must be positive");
        if (LedgerRetention < IdempotencyWindow + LockTimeout)
            throw new ArgumentOutOfRangeException(nameof(LedgerRetention), "must cover the idempotency window and the lock timeout");
        if (LedgerTrimInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(LedgerTrimInterval), "must be positive");
        if (ReadAttempts < 1) throw new ArgumentOutOfRangeException(nameof(ReadAttempts), "must be at least 1");
    }
}
