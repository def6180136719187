namespace DataTier.Cache;

/// <summary>The Redis version the cache answers as (HELLO, INFO, and scripts' <c>redis.REDIS_VERSION</c>).</summary>
public static class RedisVersion
{
    public const string Text = "7.0.15";

    /// <summary>0x00MMmmpp, as <c>redis.REDIS_VERSION_NUM</c> gives it.</summary>
    public const int Number = (7 << 16) | (0 << 8) | 15;
}
