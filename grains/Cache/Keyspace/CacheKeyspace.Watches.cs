namespace DataTier.Cache.Keyspace;

/// <summary>
/// WATCH on this shard: the keys clients watch, each with a count of the changes made to it since it was first watched
/// (any write, deletion, expiry or flush), so EXEC can tell whether a watched key was touched, present or absent.
/// </summary>
public sealed partial class CacheKeyspace
{
    private sealed class WatchState(long epoch)
    {
        public long Epoch { get; } = epoch;
        public int Watchers { get; set; }
        public long Touches { get; set; }
    }

    private static long s_watchEpochs;
    private Dictionary<byte[], WatchState>? _watched;

    /// <summary>A client watches the key; returns the token to give <see cref="Unchanged"/>. Each Watch needs one <see cref="Unwatch"/>.</summary>
    public (long Epoch, long Touches) Watch(byte[] key)
    {
        _watched ??= new Dictionary<byte[], WatchState>(ByteArrayComparer.Instance);
        if (!_watched.TryGetValue(key, out var state)) _watched[key] = state = new WatchState(Interlocked.Increment(ref s_watchEpochs));
        state.Watchers++;
        return (state.Epoch, state.Touches);
    }

    public void Unwatch(byte[] key)
    {
        if (_watched is null || !_watched.TryGetValue(key, out var state)) return;
        if (--state.Watchers <= 0) _watched.Remove(key);
    }

    /// <summary>Whether the key is unchanged since the watch that gave the token (false when its watch was lost, as when the shard moved).</summary>
    public bool Unchanged(byte[] key, long epoch, long touches) =>
        _watched is not null && _watched.TryGetValue(key, out var state) && state.Epoch == epoch && state.Touches == touches;

    private void Touched(byte[] key)
    {
        if (_watched is not null && _watched.TryGetValue(key, out var state)) state.Touches++;
    }

    private void TouchedAll()
    {
        if (_watched is null) return;
        foreach (var state in _watched.Values) state.Touches++;
    }
}
