namespace DataTier.Cache.Blocking;

/// <summary>A blocking command's timeout in seconds (fractions allowed), as Redis 7.0 reads it.</summary>
public static class BlockingTimeout
{
    /// <summary>The timeout as milliseconds; 0 waits for ever.</summary>
    public static CacheReply? Parse(byte[] arg, out long milliseconds)
    {
        milliseconds = 0;
        if (!CacheNumbers.TryParseDouble(arg, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
            return CacheReply.Error("ERR timeout is not a float or out of range");
        if (seconds < 0) return CacheReply.Error("ERR timeout is negative");
        var ms = seconds * 1000;
        if (ms > long.MaxValue / 2) return CacheReply.Error("ERR timeout is out of range");
        milliseconds = (long)ms;
        if (milliseconds == 0 && seconds > 0) milliseconds = 1;
        return null;
    }
}
