using DataTier.Partitions;

namespace DataTier.Tests.LocalReads;

/// <summary>Counts the Get calls partition grains receive, so a test can tell a read the silo answered without one.</summary>
internal sealed class PartitionGetCounter : IIncomingGrainCallFilter
{
    private static long _calls;

    public static long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is PartitionGrain && context.InterfaceMethod?.Name == nameof(IPartitionReader.Get)) Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
