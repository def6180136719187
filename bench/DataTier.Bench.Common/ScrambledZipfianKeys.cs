namespace DataTier.Bench.Common;

/// <summary>
/// Zipfian popularity spread over the key space, as YCSB's <c>zipfian</c> request distribution
/// does: a zipfian rank is drawn, then hashed (FNV-1a, 64 bits) onto a key, so the hot keys are
/// not all neighbours (which would favour range-partitioned stores). The hash makes a few ranks
/// collide, so the popularity curve is very slightly flatter than the pure one.
/// </summary>
public sealed class ScrambledZipfianKeys(int keys) : KeyChooser
{
    private readonly ZipfianGenerator _zipfian = new(keys);

    public override int Next(Random random) => (int)(Fnv1a(_zipfian.Next(random)) % (ulong)keys);

    public static ulong Fnv1a(long value)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < 8; i++)
        {
            hash ^= (byte)(value >> (8 * i));
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
