using DataTier.Partitions;

namespace DataTier.Tests.DirectWrites;

/// <summary>Counts the Put, Update and Delete calls partition grains receive, so a test can tell a write the silo made without one.</summary>
internal sealed class PartitionWriteCounter : IIncomingGrainCallFilter
{
    private static long _calls;

    public static long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is PartitionGrain && context.InterfaceMethod?.Name is nameof(IPartitionGrain.Put) or nameof(IPartitionGrain.Update) or nameof(IPartitionGrain.Delete))
            Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
