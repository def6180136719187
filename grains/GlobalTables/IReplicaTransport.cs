namespace DataTier.GlobalTables;

/// <summary>Sends writes and messages to another region's cluster (the silo's implementation posts them to its DynamoDB endpoint).</summary>
public interface IReplicaTransport
{
    /// <summary>Applies <paramref name="writes"/> to <paramref name="table"/> in <paramref name="region"/>, last writer winning; throws if they may not have arrived.</summary>
    Task SendWritesAsync(string region, string table, IReadOnlyList<ReplicatedWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts <paramref name="body"/> to the replication target <paramref name="operation"/> of <paramref name="region"/>; the
    /// region's DynamoDB error as a <see cref="Errors.DynamoException"/> of the same type and message, InternalServerError
    /// if it could not be reached.
    /// </summary>
    Task SendAsync(string region, string operation, byte[] body, CancellationToken cancellationToken = default);
}
