namespace DataTier.GlobalTables;

/// <summary>
/// Sends one partition's writes to one region (key: <see cref="ReplicationLog.ShipperKey"/>): first, for a region
/// that joined a populated table, the items the partition holds, then every record of its replication log in
/// order, with a durable checkpoint, so a shipper that moves or restarts resumes where it stopped.
/// </summary>
public interface IReplicaShipperGrain : IGrainWithStringKey
{
    /// <summary>There may be new records: send them.</summary>
    [Orleans.Concurrency.OneWay]
    Task Poke();

    /// <summary>Sends until the log's end as it is now; the sequence sent up to.</summary>
    Task<long> Drain();
}
