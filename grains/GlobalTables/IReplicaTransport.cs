namespace DataTier.GlobalTables;

/// <summary>Sends writes to another region's cluster (the silo's implementation posts them to its DynamoDB endpoint).</summary>
public interface IReplicaTransport
{
    /// <summary>Applies <paramref name="writes"/> to <paramref name="table"/> in <paramref name="region"/>, last writer winning; throws if they may not have arrived.</summary>
    Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default);
}
