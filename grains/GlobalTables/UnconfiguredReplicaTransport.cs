namespace DataTier.GlobalTables;

/// <summary>The transport of a silo without a DynamoDB endpoint to reach peers by: shipping fails, and is retried.</summary>
internal sealed class UnconfiguredReplicaTransport : IReplicaTransport
{
    public Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"This silo has no transport to region {region}: global tables need the silo's DynamoDB endpoint");
}
