namespace DataTier.GlobalTables;

/// <summary>The transport of a silo without a DynamoDB endpoint to reach peers by: shipping fails, and is retried.</summary>
internal sealed class UnconfiguredReplicaTransport : IReplicaTransport
{
    public Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default) =>
        throw NoTransport(region);

    public Task SendAsync(string region, string operation, byte[] body, CancellationToken cancellationToken = default) => throw NoTransport(region);

    private static InvalidOperationException NoTransport(string region) =>
        new($"This silo has no transport to region {region}: global tables need the silo's DynamoDB endpoint");
}
