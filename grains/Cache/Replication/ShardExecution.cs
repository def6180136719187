namespace DataTier.Cache.Replication;

/// <summary>
/// A batch's replies with the replication sequence number that covers its changes (-1 when the shard fed no replicas
/// then): what a client's WAIT later waits for on that shard.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardExecution([property: Id(0)] CacheReply[] Replies, [property: Id(1)] long ReplicationSeq);
