namespace DataTier.Cache.Streams;

/// <summary>One entry of a stream: its ID, its field/value pairs (alternating) and the storage node it was appended to (for approximate trimming).</summary>
public sealed record StreamEntry(StreamEntryId Id, byte[][] Fields, long Node)
{
    public long Bytes => 32 + Fields.Sum(f => 16L + f.Length);
}
