namespace DataTier.Bench.Common;

/// <summary>
/// Zipfian ranks in [0, n): rank 0 is the most popular, rank r is chosen with probability
/// proportional to 1 / (r + 1)^theta. The constant-time method of Gray et al., "Quickly generating
/// billion-record synthetic databases" (SIGMOD 1994), which YCSB uses, with YCSB's constant 0.99 by
/// default. The zeta sum is computed once, in O(n); drawing needs one uniform number.
/// Immutable and thread-safe: each worker brings its own <see cref="Random"/>.
/// </summary>
public sealed class ZipfianGenerator
{
    public const double YcsbConstant = 0.99;

    private readonly long _items;
    private readonly double _theta;
    private readonly double _zetaN;
    private readonly double _alpha;
    private readonly double _eta;
    private readonly double _secondThreshold;

    public ZipfianGenerator(long items, double theta = YcsbConstant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        if (theta is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(theta), "theta must be in (0, 1)");
        _items = items;
        _theta = theta;
        _zetaN = Zeta(items, theta);
        var zeta2 = Zeta(Math.Min(2, items), theta);
        _alpha = 1 / (1 - theta);
        _eta = items < 2 ? 0 : (1 - Math.Pow(2.0 / items, 1 - theta)) / (1 - zeta2 / _zetaN);
        _secondThreshold = 1 + Math.Pow(0.5, theta);
    }

    public long Items => _items;

    public double Theta => _theta;

    /// <summary>The generalised harmonic number: the sum of 1 / i^theta for i in 1..n.</summary>
    public static double Zeta(long n, double theta)
    {
        var sum = 0.0;
        for (long i = 1; i <= n; i++) sum += 1 / Math.Pow(i, theta);
        return sum;
    }

    public long Next(Random random)
    {
        var u = random.NextDouble();
        var uz = u * _zetaN;
        if (uz < 1) return 0;
        if (uz < _secondThreshold) return Math.Min(1, _items - 1);
        var rank = (long)(_items * Math.Pow(_eta * u - _eta + 1, _alpha));
        return Math.Clamp(rank, 0, _items - 1);
    }
}
