using DataTier.Cache;

namespace DataTier.Silo.Resp.Tracking;

/// <summary>CLIENT TRACKING's message: the RESP3 <c>invalidate</c> push, or the keys alone for a RESP2 subscriber of <c>__redis__:invalidate</c>.</summary>
public static class InvalidationMessage
{
    public static CacheReply[] Push(byte[][]? keys) => [CacheReply.Bulk("invalidate"), Keys(keys)];

    /// <summary>The keys changed, or a null array when everything was flushed.</summary>
    public static CacheReply Keys(byte[][]? keys) => keys is null ? CacheReply.NilArray : CacheReply.Array([.. keys.Select(CacheReply.Bulk)]);

    /// <summary>The message to a RESP2 subscriber of the channel: the keys, or for a flush a null bulk string, as Redis 7.0 sends it.</summary>
    public static CacheReply[] Message(byte[] channel, byte[][]? keys) =>
        [CacheReply.Bulk("message"), CacheReply.Bulk(channel), keys is null ? CacheReply.Nil : Keys(keys)];

    /// <summary>A broadcast message's keys as Redis lists them (it keeps them in a radix tree): each once, in byte order.</summary>
    public static byte[][] BroadcastKeys(List<byte[]> keys)
    {
        if (keys.Count == 1) return [keys[0]];
        keys.Sort(static (x, y) => x.AsSpan().SequenceCompareTo(y));
        var distinct = new List<byte[]>(keys.Count);
        foreach (var key in keys)
            if (distinct.Count == 0 || !distinct[^1].AsSpan().SequenceEqual(key)) distinct.Add(key);
        return [.. distinct];
    }
}
