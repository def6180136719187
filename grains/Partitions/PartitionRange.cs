using DataTier.Store;

namespace DataTier.Partitions;

/// <summary>The positions of one partition's items: those whose hash lies from its first to its last hash.</summary>
public static class PartitionRange
{
    /// <summary><paramref name="range"/> narrowed to the partition that owns hashes <paramref name="firstHash"/> to <paramref name="lastHash"/>.</summary>
    public static KeyRange Clamp(KeyRange range, ulong firstHash, ulong lastHash)
    {
        var start = ItemKey.EncodeHash(firstHash);
        var end = lastHash == ulong.MaxValue ? null : ItemKey.EncodeHash(lastHash + 1);
        var clampedStart = range.Start is null || range.Start.AsSpan().SequenceCompareTo(start) < 0 ? start : range.Start;
        var startInclusive = ReferenceEquals(clampedStart, start) || range.StartInclusive;
        var clampedEnd = range.End;
        var endInclusive = range.EndInclusive;
        if (end is not null && (range.End is null || range.End.AsSpan().SequenceCompareTo(end) >= 0))
        {
            clampedEnd = end;
            endInclusive = false;
        }
        return new KeyRange(clampedStart, startInclusive, clampedEnd, endInclusive);
    }
}
