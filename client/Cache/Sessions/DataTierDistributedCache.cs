using System.Buffers.Binary;
using Microsoft.Extensions.Caching.Distributed;

namespace DataTier.Client.Cache.Sessions;

/// <summary>
/// <see cref="IDistributedCache"/> over the cluster's cache, for ASP.NET Core session state and output
/// caching. A value is stored with its absolute expiry and sliding window in front of it; a read (or
/// Refresh) of an entry with a sliding window pushes its expiry on, never past the absolute one.
/// </summary>
public sealed class DataTierDistributedCache(ICacheClient cache, TimeProvider? time = null, string keyPrefix = "session:") : IDistributedCache
{
    private const int HeaderBytes = 16;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var stored = await cache.GetAsync(keyPrefix + key);
        if (stored is null || stored.Length < HeaderBytes) return null;
        await SlideAsync(key, stored);
        return stored[HeaderBytes..];
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = _time.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        if (absolute <= now) throw new ArgumentOutOfRangeException(nameof(options), "The absolute expiration value must be in the future.");
        var stored = new byte[HeaderBytes + value.Length];
        BinaryPrimitives.WriteInt64LittleEndian(stored, absolute?.ToUnixTimeMilliseconds() ?? 0);
        BinaryPrimitives.WriteInt64LittleEndian(stored.AsSpan(8), (long)(options.SlidingExpiration?.TotalMilliseconds ?? 0));
        value.CopyTo(stored, HeaderBytes);
        await cache.SetAsync(keyPrefix + key, stored, ExpiryOf(stored, now));
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        if (await cache.GetAsync(keyPrefix + key) is { Length: >= HeaderBytes } stored) await SlideAsync(key, stored);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) => cache.DeleteAsync(keyPrefix + key);

    private async Task SlideAsync(string key, byte[] stored)
    {
        if (BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(8)) == 0) return;
        if (ExpiryOf(stored, _time.GetUtcNow()) is { } expiry) await cache.ExpireAsync(keyPrefix + key, expiry);
    }

    /// <summary>Time left: the sliding window, cut short by the absolute expiry; null when neither is set.</summary>
    private static TimeSpan? ExpiryOf(byte[] stored, DateTimeOffset now)
    {
        var absoluteMs = BinaryPrimitives.ReadInt64LittleEndian(stored);
        var slidingMs = BinaryPrimitives.ReadInt64LittleEndian(stored.AsSpan(8));
        TimeSpan? left = absoluteMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(absoluteMs) - now;
        if (slidingMs > 0) left = left is { } l && l < TimeSpan.FromMilliseconds(slidingMs) ? l : TimeSpan.FromMilliseconds(slidingMs);
        return left is { } t && t <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : left;
    }
}
