using System.Numerics;

namespace DataTier.Bench.Common;

/// <summary>
/// An HDR-like histogram of latencies in microseconds: exact below 128 µs, then 64 buckets per
/// power of two (under 1.6% error), up to about a minute. One per worker, merged at the end.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int PerOctave = 64;
    private const long MaxMicros = 60_000_000;
    private readonly long[] _counts = new long[Index(MaxMicros) + 1];

    public long Count { get; private set; }

    public void Record(long micros)
    {
        _counts[Index(Math.Clamp(micros, 0, MaxMicros))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The upper bound of the bucket holding the given percentile, in milliseconds.</summary>
    public double PercentileMillis(double percentile)
    {
        if (Count == 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(Count * percentile / 100.0));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return UpperBound(i) / 1000.0;
        }
        return MaxMicros / 1000.0;
    }

    private static int Index(long micros)
    {
        if (micros < Linear) return (int)micros;
        var shift = BitOperations.Log2((ulong)micros) - 6;
        return Linear + (shift - 1) * PerOctave + (int)(micros >> shift) - PerOctave;
    }

    private static long UpperBound(int index)
    {
        if (index < Linear) return index + 1;
        var shift = (index - Linear) / PerOctave + 1;
        var sub = (index - Linear) % PerOctave + PerOctave;
        return (long)(sub + 1) << shift;
    }
}
