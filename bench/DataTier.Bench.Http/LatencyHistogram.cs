namespace DataTier.Bench.Http;

/// <summary>Latencies in 10-microsecond buckets up to 1 s (larger ones land in the last bucket); one per worker, merged at the end.</summary>
public sealed class LatencyHistogram
{
    private const int BucketMicros = 10;
    private readonly long[] _buckets = new long[100_001];

    public long Count { get; private set; }

    public void Record(long micros)
    {
        _buckets[Math.Min(micros / BucketMicros, _buckets.Length - 1)]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++) _buckets[i] += other._buckets[i];
        Count += other.Count;
    }

    public double PercentileMillis(double percentile)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(Count * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank) return (i + 1) * BucketMicros / 1000.0;
        }
        return _buckets.Length * BucketMicros / 1000.0;
    }
}
