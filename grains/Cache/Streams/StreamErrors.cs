namespace DataTier.Cache.Streams;

/// <summary>Redis 7.0's stream errors, word for word.</summary>
public static class StreamErrors
{
    public static readonly CacheReply InvalidId = CacheReply.Error("ERR Invalid stream ID specified as stream command argument");
    public static readonly CacheReply NotGreater = CacheReply.Error("ERR The ID specified in XADD is equal or smaller than the target stream top item");
    public static readonly CacheReply ZeroId = CacheReply.Error("ERR The ID specified in XADD must be greater than 0-0");
    public static readonly CacheReply Exhausted = CacheReply.Error("ERR The stream has exhausted the last possible ID, unable to add more items");
    public static readonly CacheReply TooLarge = CacheReply.Error("ERR Elements are too large to be stored");
    public static readonly CacheReply InvalidStart = CacheReply.Error("ERR invalid start ID for the interval");
    public static readonly CacheReply InvalidEnd = CacheReply.Error("ERR invalid end ID for the interval");
    public static readonly CacheReply KeyGoneWhileBlocked = CacheReply.Error("UNBLOCKED the stream key no longer exists");
    public static readonly CacheReply GroupGoneWhileBlocked = CacheReply.Error("NOGROUP the consumer group this client was blocked on no longer exists");
    public static readonly CacheReply BusyGroup = CacheReply.Error("BUSYGROUP Consumer Group name already exists");

    public static CacheReply NoKeyOrGroup(byte[] key, byte[] group, string suffix = "") =>
        CacheReply.Error($"NOGROUP No such key '{Commands.Arg.Text(key)}' or consumer group '{Commands.Arg.Text(group)}'{suffix}");

    public static CacheReply NoGroupForKey(byte[] group, byte[] key) =>
        CacheReply.Error($"NOGROUP No such consumer group '{Commands.Arg.Text(group)}' for key name '{Commands.Arg.Text(key)}'");
}
