using DataTier.Cache.Keyspace;
using DataTier.Cache.PubSub;

namespace DataTier.Cache.Blocking;

/// <summary>
/// Clients blocked on lists (BLPOP and the like) or streams (XREAD, XREADGROUP with BLOCK) on this silo, by key. A shard
/// that pushes onto a list, or adds to a stream, a blocked client asked it to watch (<see cref="CacheKeyspace.AwaitKey"/>)
/// signals every silo, whose blocked clients on that key then try again; whichever reaches the shard first takes the
/// element, as when several Redis clients block on one key.
/// </summary>
public sealed class KeyWakeups(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo)
{
    private readonly object _lock = new();
    private readonly Dictionary<byte[], List<TaskCompletionSource>> _waiters = new(ByteArrayComparer.Instance);

    /// <summary>A waiter for the keys, completed when any of them is signalled; register before trying the keys, so no signal is missed.</summary>
    public TaskCompletionSource Register(IReadOnlyList<byte[]> keys)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (!_waiters.TryGetValue(key, out var list)) _waiters[key] = list = [];
                list.Add(waiter);
            }
        }
        return waiter;
    }

    public void Unregister(IReadOnlyList<byte[]> keys, TaskCompletionSource waiter)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (!_waiters.TryGetValue(key, out var list)) continue;
                list.Remove(waiter);
                if (list.Count == 0) _waiters.Remove(key);
            }
        }
    }

    public int Waiting
    {
        get
        {
            lock (_lock) return _waiters.Values.Sum(l => l.Count);
        }
    }

    public void SignalLocal(IEnumerable<byte[]> keys)
    {
        List<TaskCompletionSource>? woken = null;
        lock (_lock)
        {
            foreach (var key in keys)
                if (_waiters.TryGetValue(key, out var list)) (woken ??= []).AddRange(list);
        }
        if (woken is null) return;
        foreach (var waiter in woken) waiter.TrySetResult();
    }

    /// <summary>Signals the keys here and on every other active silo (one-way: a silo that misses it has its clients try again within a second).</summary>
    public void Signal(List<byte[]> keys)
    {
        SignalLocal(keys);
        var array = keys.ToArray();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status != SiloStatus.Active || member.SiloAddress.Equals(silo.SiloAddress)) continue;
            grains.GetGrain<ISiloPubSubGrain>(member.SiloAddress.ToParsableString()).WakeListWaiters(array).Ignore();
        }
    }
}
