using DataTier.Cache.Replication;

namespace DataTier.Tests.Cache.Replication;

/// <summary>
/// Holds the batches sent to the cache replicas of one silo while paused, as a replica that stopped answering: its
/// owners' pushes hang (until their own timeout) and it acknowledges nothing. Resuming lets them through.
/// </summary>
internal sealed class PausedReplicas(ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    private static readonly object Lock = new();
    private static (SiloAddress Silo, TaskCompletionSource Resumed)? _paused;

    public static void Pause(SiloAddress silo)
    {
        lock (Lock) _paused = (silo, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public static void Resume()
    {
        lock (Lock)
        {
            _paused?.Resumed.TrySetResult();
            _paused = null;
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        (SiloAddress Silo, TaskCompletionSource Resumed)? paused;
        lock (Lock) paused = _paused;
        if (paused is { } p && p.Silo.Equals(silo.SiloAddress) && context.Grain is CacheReplicaGrain
            && context.InterfaceMethod?.Name == nameof(ICacheReplicaGrain.Apply))
            await p.Resumed.Task;
        await context.Invoke();
    }
}
