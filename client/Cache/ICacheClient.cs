using DataTier.Cache;

namespace DataTier.Client.Cache;

/// <summary>
/// The cache for .NET services, through the shard grains (no RESP in between): the same keyspace,
/// expiry and eviction as Redis clients see on the RESP endpoint.
/// </summary>
public interface ICacheClient
{
    Task<byte[]?> GetAsync(string key);

    Task<string?> GetStringAsync(string key);

    /// <summary>Sets a value, with an optional expiry; false when the condition kept it from being set.</summary>
    Task<bool> SetAsync(string key, byte[] value, TimeSpan? expiry = null, CacheSetCondition when = CacheSetCondition.Always);

    Task<bool> SetStringAsync(string key, string value, TimeSpan? expiry = null, CacheSetCondition when = CacheSetCondition.Always);

    Task<bool> DeleteAsync(string key);

    Task<long> IncrementAsync(string key, long by = 1);

    Task<bool> ExpireAsync(string key, TimeSpan expiry);

    /// <summary>The time left, or null when the key has no expiry or does not exist.</summary>
    Task<TimeSpan?> TimeToLiveAsync(string key);

    /// <summary>Any single-key command, as on the RESP endpoint (for example <c>HSET h f v</c>): its reply, errors included.</summary>
    Task<CacheReply> ExecuteAsync(params string[] args);
}
