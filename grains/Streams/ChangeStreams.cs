namespace DataTier.Streams;

/// <summary>
/// Where partitions publish their stream records in the cluster: an Orleans memory stream per shard
/// (provider <see cref="ProviderName"/>). Delivery there is fast but not durable; consumers use it to
/// wake up and read the durable change log from their checkpoint.
/// </summary>
public static class ChangeStreams
{
    public const string ProviderName = "DataTierChanges";
    public const string Namespace = "datatier.changes";

    public static StreamId IdOf(Guid tableId, int partition) => StreamId.Create(Namespace, $"{tableId:N}/{partition}");
}
