namespace DataTier.Cache.Tracking;

/// <summary>
/// A key a shard changed, for CLIENT TRACKING: the key (null when a flush emptied the shard), the connection whose
/// command changed it (null for none, as an expiry or eviction), and that command's serial number among the ones its
/// connection sent (0 when unknown), by which the connection tells its own change after that command's reply and a
/// silo tells each client of a flush over many shards once.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct KeyChange([property: Id(0)] byte[]? Key, [property: Id(1)] string? Origin, [property: Id(2)] long Serial);
