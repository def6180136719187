using DataTier.Cache.Keyspace;
using DataTier.Cache.PubSub;

namespace DataTier.Cache.Blocking;

/// <summary>
/// Clients blocked on this silo: stream readers (XREAD, XREADGROUP with BLOCK) by key, and the blocking list and sorted
/// set pops by ticket. A shard that adds to a stream a reader asked it to watch (<see cref="CacheKeyspace.AwaitKey"/>)
/// signals the key to every silo, whose readers of it then try again; a shard that finds a key's first waiting pop may
/// take (<see cref="CacheKeyspace.TakeTurn"/>) signals that pop's ticket, and only its client tries again.
/// </summary>
public sealed class KeyWakeups(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails silo)
{
    private readonly object _lock = new();
    private readonly Dictionary<byte[], List<TaskCompletionSource>> _waiters = new(ByteArrayComparer.Instance);
    private readonly Dictionary<Guid, TaskCompletionSource> _tickets = [];

    /// <summary>A waiter for the keys, completed when any of them is signalled; register before trying the keys, so no signal is missed.</summary>
    public TaskCompletionSource Register(IReadOnlyList<byte[]> keys)
    {
        var waiter = NewWaiter();
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

    /// <summary>A waiter for the ticket's turn; register before each attempt, so no signal is missed.</summary>
    public TaskCompletionSource Register(Guid ticket)
    {
        var waiter = NewWaiter();
        lock (_lock) _tickets[ticket] = waiter;
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

    public void Unregister(Guid ticket, TaskCompletionSource waiter)
    {
        lock (_lock)
            if (_tickets.TryGetValue(ticket, out var registered) && registered == waiter) _tickets.Remove(ticket);
    }

    public int Waiting
    {
        get
        {
            lock (_lock) return _waiters.Values.Sum(l => l.Count) + _tickets.Count;
        }
    }

    public void SignalLocal(IEnumerable<byte[]>? keys, IEnumerable<Guid>? tickets = null)
    {
        List<TaskCompletionSource>? woken = null;
        lock (_lock)
        {
            if (keys is not null)
                foreach (var key in keys)
                    if (_waiters.TryGetValue(key, out var list)) (woken ??= []).AddRange(list);
            if (tickets is not null)
                foreach (var ticket in tickets)
                    if (_tickets.TryGetValue(ticket, out var waiter)) (woken ??= []).Add(waiter);
        }
        if (woken is null) return;
        foreach (var waiter in woken) waiter.TrySetResult();
    }

    /// <summary>
    /// Signals the keys and tickets here and on every other active silo (one-way: a silo that misses it has its clients
    /// try again within a second).
    /// </summary>
    public void Signal(List<byte[]>? keys, List<Guid>? tickets)
    {
        SignalLocal(keys, tickets);
        var keyArray = keys?.ToArray() ?? [];
        var ticketArray = tickets?.ToArray() ?? [];
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status != SiloStatus.Active || member.SiloAddress.Equals(silo.SiloAddress)) continue;
            grains.GetGrain<ISiloPubSubGrain>(member.SiloAddress.ToParsableString()).WakeWaiters(keyArray, ticketArray).Ignore();
        }
    }

    private static TaskCompletionSource NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
