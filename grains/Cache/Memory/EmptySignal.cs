namespace DataTier.Cache.Memory;

/// <summary>Lets a shutting-down silo await the moment a registry of local grains (shards, replicas) becomes empty.</summary>
public sealed class EmptySignal
{
    private readonly object _lock = new();
    private TaskCompletionSource? _empty;

    /// <summary>Called after a removal; completes the waiters when the registry is now empty.</summary>
    public void Removed(bool isEmpty)
    {
        if (!isEmpty) return;
        lock (_lock) _empty?.TrySetResult();
    }

    public Task WhenEmpty(Func<bool> isEmpty)
    {
        lock (_lock)
        {
            if (isEmpty()) return Task.CompletedTask;
            if (_empty is null || _empty.Task.IsCompleted) _empty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task;
        }
    }
}
