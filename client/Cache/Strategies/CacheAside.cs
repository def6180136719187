using System.Collections.Concurrent;
using System.Text.Json;

namespace DataTier.Client.Cache.Strategies;

/// <summary>
/// Lazy loading (cache-aside): read the cache; on a miss, load from the source, store with a TTL and
/// return. Concurrent misses on one key load once: callers in this process share one load, and
/// callers in other processes wait briefly behind a short lock key (SET NX PX) for the value the first
/// one stores, rather than all reaching the source at once.
/// </summary>
public sealed class CacheAside(ICacheClient cache)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, Task<byte[]?>> _loading = new(StringComparer.Ordinal);

    /// <summary>How long the lock that keeps other processes from loading the same key lives.</summary>
    public TimeSpan LoadLockTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The cached value of <paramref name="key"/>, or the loaded one (cached for <paramref name="ttl"/>); null values are not cached.</summary>
    public async Task<T?> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T?>> load, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var bytes = await GetOrLoadBytesAsync(key, async token =>
        {
            var value = await load(token);
            return value is null ? null : JsonSerializer.SerializeToUtf8Bytes(value, Json);
        }, ttl, cancellationToken);
        return bytes is null ? default : JsonSerializer.Deserialize<T>(bytes, Json);
    }

    public async Task<byte[]?> GetOrLoadBytesAsync(string key, Func<CancellationToken, Task<byte[]?>> load, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        if (await cache.GetAsync(key) is { } cached) return cached;
        var mine = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _loading.GetOrAdd(key, mine.Task);
        if (shared != mine.Task) return await shared.WaitAsync(cancellationToken);
        try
        {
            var value = await LoadOnceAsync(key, load, ttl, cancellationToken);
            mine.SetResult(value);
            return value;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<string, Task<byte[]?>>(key, mine.Task));
        }
    }

    private async Task<byte[]?> LoadOnceAsync(string key, Func<CancellationToken, Task<byte[]?>> load, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var lockKey = key + ":loading";
        if (!await cache.SetStringAsync(lockKey, "1", LoadLockTime, CacheSetCondition.IfAbsent))
        {
            // Another process is loading it: wait for its value, up to the lock's lifetime.
            var deadline = DateTime.UtcNow + LoadLockTime;
            for (var pause = 5; DateTime.UtcNow < deadline; pause = Math.Min(pause * 2, 100))
            {
                await Task.Delay(pause, cancellationToken);
                if (await cache.GetAsync(key) is { } loaded) return loaded;
            }
        }
        try
        {
            if (await cache.GetAsync(key) is { } cached) return cached;
            var value = await load(cancellationToken);
            if (value is not null) await cache.SetAsync(key, value, ttl);
            return value;
        }
        finally
        {
            await cache.DeleteAsync(lockKey);
        }
    }

    /// <summary>Drops a key, so that the next read loads it again (after the source changed).</summary>
    public Task<bool> InvalidateAsync(string key) => cache.DeleteAsync(key);
}
