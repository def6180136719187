namespace DataTier.Cache.Keyspace;

/// <summary>The keys (lists, streams) blocked clients wait on, and the ones that have grown since (for the shard's runner to signal).</summary>
public sealed partial class CacheKeyspace
{
    private const int PruneAwaitedAbove = 4096;
    private Dictionary<byte[], long>? _awaited;
    private List<byte[]>? _wakeups;

    /// <summary>A client waits until <paramref name="until"/> (Unix ms) for the list or stream at the key to get an element.</summary>
    public void AwaitKey(byte[] key, long until)
    {
        _awaited ??= new Dictionary<byte[], long>(ByteArrayComparer.Instance);
        if (_awaited.Count > PruneAwaitedAbove)
            foreach (var (stale, _) in _awaited.Where(a => a.Value <= Now).ToList()) _awaited.Remove(stale);
        _awaited[key] = Math.Max(until, _awaited.GetValueOrDefault(key));
    }

    /// <summary>Elements were pushed onto the list (or added to the stream) at the key: if a client still waits on it, it is to be woken.</summary>
    public void KeyGrew(byte[] key)
    {
        if (_awaited is null || !_awaited.Remove(key, out var until) || until <= Now) return;
        (_wakeups ??= []).Add(key);
    }

    /// <summary>The keys to wake clients for, taken.</summary>
    public List<byte[]>? TakeWakeups()
    {
        var wakeups = _wakeups;
        _wakeups = null;
        return wakeups;
    }
}
