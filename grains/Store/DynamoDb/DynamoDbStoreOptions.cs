using DataTier.AwsDynamoDb;

namespace DataTier.Store.DynamoDb;

/// <summary>Settings of the DynamoDB store (section <c>Store:DynamoDb</c>); the store lives in one table, <c>{TablePrefix}store</c>.</summary>
public sealed class DynamoDbStoreOptions : DynamoDbConnectionOptions
{
    /// <summary>
    /// Write multi-item batches with TransactWriteItems (one round trip) instead of the batch-intent
    /// protocol. Off by default: only real DynamoDB (and DynamoDB Local) has it; dynalite does not.
    /// </summary>
    public bool UseTransactWriteItems { get; set; }

    /// <summary>
    /// How long an item may stay locked by a batch that has not committed before another writer
    /// aborts that batch (it was left by a crashed writer). Must exceed the longest time one batch takes.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string TableName => TablePrefix + "store";

    public override IEnumerable<string> Problems(string section)
    {
        foreach (var p in base.Problems(section)) yield return p;
        if (LockTimeout <= TimeSpan.Zero) yield return $"{section}:LockTimeout must be positive";
    }
}
