namespace DataTier.Cache.Diagnostics;

/// <summary>
/// A command's latencies in nanoseconds, in buckets as HdrHistogram keeps them with two significant digits (Redis'
/// latency tracking): exact below 256 ns, then 128 equal buckets per power of two, so a percentile is within 1% of the
/// value. Up to one second; longer runs count as one second, as in Redis. Safe to record from several threads.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 256;
    private const int HalfSubBuckets = SubBuckets / 2;
    private const long MaxNanos = 1_000_000_000;
    private static readonly int Magnitudes = 64 - (int)long.LeadingZeroCount(MaxNanos) - 7;
    private readonly long[] _counts = new long[SubBuckets + (Magnitudes - 1) * HalfSubBuckets];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(long nanos)
    {
        Interlocked.Increment(ref _counts[IndexOf(Math.Clamp(nanos, 1, MaxNanos))]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += Interlocked.Read(ref other._counts[i]);
        _total += other.Count;
    }

    /// <summary>The highest value equivalent to the one at <paramref name="percentile"/> (0 to 100), in nanoseconds; 0 when empty.</summary>
    public long ValueAtPercentile(double percentile)
    {
        var total = Count;
        if (total == 0) return 0;
        var wanted = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= wanted) return HighestEquivalent(i);
        }
        return HighestEquivalent(_counts.Length - 1);
    }

    /// <summary>
    /// LATENCY HISTOGRAM's buckets: from 1024 ns, doubling, each with the count of values below it so far, reported only
    /// where it grows; the bound is given in microseconds as Redis gives it (the bucket's highest equivalent value).
    /// </summary>
    public List<(long BoundMicros, long Cumulative)> PowerOfTwoBuckets()
    {
        var buckets = new List<(long, long)>();
        long cumulative = 0, reported = 0;
        var i = 0;
        for (var bound = 1024L; i < _counts.Length; bound *= 2)
        {
            for (; i < _counts.Length && LowestEquivalent(i) < bound; i++) cumulative += Interlocked.Read(ref _counts[i]);
            if (cumulative > reported)
            {
                buckets.Add((HighestEquivalent(IndexOf(bound)) / 1000, cumulative));
                reported = cumulative;
            }
        }
        return buckets;
    }

    private static int IndexOf(long value)
    {
        if (value < SubBuckets) return (int)value;
        var magnitude = 64 - (int)long.LeadingZeroCount(value) - 8;
        return SubBuckets + (magnitude - 1) * HalfSubBuckets + (int)(value >> magnitude) - HalfSubBuckets;
    }

    private static long LowestEquivalent(int index)
    {
        if (index < SubBuckets) return index;
        var magnitude = (index - SubBuckets) / HalfSubBuckets + 1;
        return (long)(index - SubBuckets - (magnitude - 1) * HalfSubBuckets + HalfSubBuckets) << magnitude;
    }

    private static long HighestEquivalent(int index)
    {
        if (index < SubBuckets) return index;
        var magnitude = (index - SubBuckets) / HalfSubBuckets + 1;
        return LowestEquivalent(index) + (1L << magnitude) - 1;
    }
}
