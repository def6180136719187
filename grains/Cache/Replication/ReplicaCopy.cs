namespace DataTier.Cache.Replication;

/// <summary>
/// A synced replica of a shard found during promotion: its grain key, the sequence number it has applied, the silo that
/// holds it, and that silo's locator, which reads and retires it.
/// </summary>
internal sealed record ReplicaCopy(string Key, long Seq, string Silo, ICacheReplicaLocatorGrain Locator);
