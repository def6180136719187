namespace DataTier.Streams;

/// <summary>
/// Records of one shard read from its change log, and the sequence number to read from next.
/// <see cref="Closed"/>: the shard's partition was split and the log has been read to its end.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamBatch([property: Id(0)] IReadOnlyList<StreamRecord> Records, [property: Id(1)] long NextSequence, [property: Id(2)] bool Closed = false);
