namespace DataTier.Transactions;

/// <summary>A transaction's outcome as the ledger holds it; Pending means nothing is decided yet.</summary>
public enum TransactionStatus
{
    Pending,
    Committed,
    Aborted,
}
