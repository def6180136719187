namespace DataTier.Silo.Memcached;

/// <summary>memcached's exptime (seconds: relative up to 30 days, an absolute Unix time above) as the shard's absolute milliseconds.</summary>
public static class MemcachedExpiry
{
    /// <summary>memcached treats an exptime above 30 days as an absolute Unix time.</summary>
    private const long RelativeLimitSeconds = 60L * 60 * 24 * 30;

    /// <summary>The absolute Unix milliseconds the item expires at: 0 never, -1 already expired.</summary>
    public static long ToAbsoluteMs(long seconds, DateTimeOffset now)
    {
        if (seconds == 0) return 0;
        if (seconds < 0) return -1;
        if (seconds <= RelativeLimitSeconds) return now.ToUnixTimeMilliseconds() + seconds * 1000;
        return seconds * 1000 <= now.ToUnixTimeMilliseconds() ? -1 : seconds * 1000;
    }
}
