namespace DataTier.Bench.Common;

/// <summary>Chooses which of <c>n</c> keys an operation touches.</summary>
public abstract class KeyChooser
{
    public abstract int Next(Random random);

    /// <summary><c>uniform</c>: every key equally likely; <c>zipfian</c>: YCSB's scrambled zipfian with constant 0.99.</summary>
    public static KeyChooser Create(KeyDistribution distribution, int keys) => distribution switch
    {
        KeyDistribution.Zipfian => new ScrambledZipfianKeys(keys),
        _ => new UniformKeys(keys),
    };
}
