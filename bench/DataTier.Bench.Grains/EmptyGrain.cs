namespace DataTier.Bench.Grains;

/// <summary>
/// Answers every call with the same 1 KB array: no state, no storage, no work. What a call to it
/// costs is Orleans' own path (client, gateway, scheduling, serialisation of a 1 KB reply), the
/// same path a GetItem through the SDK takes to its partition grain.
/// </summary>
public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public const int BodySize = 1024;

    private static readonly byte[] Body = new byte[BodySize];

    public Task<byte[]> Read() => Task.FromResult(Body);
}
