namespace DataTier.Transactions;

/// <summary>The four actions of TransactWriteItems.</summary>
public enum TransactOperationKind
{
    ConditionCheck,
    Put,
    Update,
    Delete,
}
