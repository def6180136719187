namespace DataTier.Store.DynamoDb;

/// <summary>Points of the batch-intent protocol at which <see cref="DynamoDbTableStore.OnBatchStep"/> is called.</summary>
public enum BatchStep
{
    /// <summary>Every item row of the batch is locked; the intent is not written yet.</summary>
    Locked,

    /// <summary>The intent is written: the batch is committed, nothing of it is applied yet.</summary>
    Committed,

    /// <summary>One item write of a committed batch was applied.</summary>
    ItemApplied,
}
