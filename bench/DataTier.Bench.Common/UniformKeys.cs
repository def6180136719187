namespace DataTier.Bench.Common;

public sealed class UniformKeys(int keys) : KeyChooser
{
    public override int Next(Random random) => random.Next(keys);
}
