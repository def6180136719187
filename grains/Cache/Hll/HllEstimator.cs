namespace DataTier.Cache.Hll;

/// <summary>The cardinality from the registers' histogram, by Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017), as Redis computes it since 5.0.</summary>
public static class HllEstimator
{
    private const double AlphaInfinity = 0.721347520444481703680;

    /// <param name="histogram">How many registers hold each value (64 slots).</param>
    public static ulong Estimate(int[] histogram)
    {
        const double m = HllLayout.Registers;
        var z = m * Tau((m - histogram[HllLayout.Q + 1]) / m);
        for (var j = HllLayout.Q; j >= 1; --j)
        {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * Sigma(histogram[0] / m);
        var estimate = Math.Round(AlphaInfinity * m * m / z, MidpointRounding.AwayFromZero);
        // Redis rounds with llroundl, which on x86-64 gives long.MinValue for what it cannot represent (z is 0 when every register is 51).
        return unchecked((ulong)(double.IsFinite(estimate) && Math.Abs(estimate) < 9.2e18 ? (long)estimate : long.MinValue));
    }

    private static double Sigma(double x)
    {
        if (x == 1.0) return double.PositiveInfinity;
        double previous;
        var y = 1.0;
        var z = x;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }

    private static double Tau(double x)
    {
        if (x == 0.0 || x == 1.0) return 0.0;
        double previous;
        var y = 1.0;
        var z = 1 - x;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            // Math.Pow, not a product, so the rounding is that of the C library's pow, as in Redis.
            z -= Math.Pow(1 - x, 2) * y;
        } while (previous != z);
        return z / 3;
    }
}
