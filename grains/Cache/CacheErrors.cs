namespace DataTier.Cache;

/// <summary>Redis 7's error replies, word for word.</summary>
public static class CacheErrors
{
    public static readonly CacheReply Syntax = CacheReply.Error("ERR syntax error");
    public static readonly CacheReply NotInteger = CacheReply.Error("ERR value is not an integer or out of range");
    public static readonly CacheReply NotFloat = CacheReply.Error("ERR value is not a valid float");
    public static readonly CacheReply WrongType = CacheReply.Error("WRONGTYPE Operation against a key holding the wrong kind of value");
    public static readonly CacheReply Overflow = CacheReply.Error("ERR increment or decrement would overflow");
    public static readonly CacheReply NaNOrInfinity = CacheReply.Error("ERR increment would produce NaN or Infinity");
    public static readonly CacheReply NoSuchKey = CacheReply.Error("ERR no such key");
    public static readonly CacheReply OffsetOutOfRange = CacheReply.Error("ERR offset is out of range");
    public static readonly CacheReply StringTooLong = CacheReply.Error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    public static readonly CacheReply HashNotInteger = CacheReply.Error("ERR hash value is not an integer");
    public static readonly CacheReply HashNotFloat = CacheReply.Error("ERR hash value is not a float");
    public static readonly CacheReply MinMaxNotFloat = CacheReply.Error("ERR min or max is not a float");
    public static readonly CacheReply MinMaxNotLex = CacheReply.Error("ERR min or max not valid string range item");
    public static readonly CacheReply InvalidCursor = CacheReply.Error("ERR invalid cursor");
    public static readonly CacheReply OutOfMemory = CacheReply.Error("OOM command not allowed when used memory > 'maxmemory'.");
    public static readonly CacheReply NotPositive = CacheReply.Error("ERR value is out of range, must be positive");
    public static readonly CacheReply ScoreNaN = CacheReply.Error("ERR resulting score is not a number (NaN)");

    public static CacheReply InvalidExpire(string command) => CacheReply.Error($"ERR invalid expire time in '{command}' command");

    public static CacheReply WrongArity(string command) => CacheReply.Error($"ERR wrong number of arguments for '{command}' command");
}
