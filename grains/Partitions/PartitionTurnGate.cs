namespace DataTier.Partitions;

/// <summary>
/// Orders a partition's grain turns and its direct writes (<see cref="IDirectPartitionWriter"/>): a turn holds the
/// gate alone, direct writes hold it together (they exclude each other per item by key stripes instead). Waiting
/// turns keep new direct writes out; when a turn ends, the direct writes waiting for it go first, then the next
/// turn, so neither side starves.
/// </summary>
internal sealed class PartitionTurnGate
{
    private readonly Lock _lock = new();
    private int _shared;
    private bool _exclusive;
    private int _sharedWaiting;
    private TaskCompletionSource? _sharedWaiters;
    private readonly Queue<TaskCompletionSource> _exclusiveWaiters = new();

    public Task EnterSharedAsync()
    {
        lock (_lock)
        {
            if (!_exclusive && _exclusiveWaiters.Count == 0)
            {
                _shared++;
                return Task.CompletedTask;
            }
            _sharedWaiting++;
            _sharedWaiters ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _sharedWaiters.Task;
        }
    }

    public void ExitShared()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (--_shared == 0 && _exclusiveWaiters.TryDequeue(out next)) _exclusive = true;
        }
        next?.SetResult();
    }

    public Task EnterExclusiveAsync()
    {
        lock (_lock)
        {
            if (!_exclusive && _shared == 0)
            {
                _exclusive = true;
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _exclusiveWaiters.Enqueue(waiter);
            return waiter.Task;
        }
    }

    public void ExitExclusive()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (_sharedWaiting > 0)
            {
                _exclusive = false;
                _shared = _sharedWaiting;
                _sharedWaiting = 0;
                next = _sharedWaiters;
                _sharedWaiters = null;
            }
            else if (!_exclusiveWaiters.TryDequeue(out next))
            {
                _exclusive = false;
            }
        }
        next?.SetResult();
    }
}
