namespace DataTier.Bench.Common;

public enum KeyDistribution
{
    Uniform,
    Zipfian,
}
