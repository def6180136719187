namespace DataTier.Streams;

/// <summary>
/// A partition just stored records in one stream's shard, up to <paramref name="LastSequence"/>: published on the shard's
/// Orleans stream to wake its consumers, which read the records from the change log. The records themselves are not in
/// it: copying them through the stream provider on every write cost a busy silo about a quarter of its CPU.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeNotification([property: Id(0)] string StreamLabel, [property: Id(2)] long LastSequence);
