namespace DataTier.Bench.Grains;

/// <summary>
/// The least a grain call can be: the benchmark's yardstick for the grain client SDK. Hosted by a
/// silo only when it is started with <c>--Bench:GrainAssembly=PATH/DataTier.Bench.Grains.dll</c>.
/// </summary>
[Alias("DataTier.Bench.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithIntegerKey
{
    /// <summary>Returns a constant body the size of a 1 KB item, doing nothing else.</summary>
    [Alias("Read")]
    Task<byte[]> Read();
}
