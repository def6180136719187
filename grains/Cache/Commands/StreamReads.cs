using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>XREAD's part on one key's shard.</summary>
public static class StreamReads
{
    /// <summary>
    /// Internal: key, ID (or <c>$</c>), count (0: all), wait-until in Unix ms (0: no wait). The entries after the ID as an
    /// array when there are any; otherwise the ID read after as a bulk string (<c>$</c> resolved to the stream's last ID, for
    /// the next attempt), and, when waiting, the shard remembers to wake the client when an entry is added.
    /// </summary>
    public static CacheReply ReadOrAwait(CacheKeyspace ks, byte[][] a)
    {
        CacheNumbers.TryParseLong(a[3], out var count);
        CacheNumbers.TryParseLong(a[4], out var until);
        var stream = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var after = StreamEntryId.Zero;
        if (Arg.Is(a[2], "$")) after = stream?.LastId ?? StreamEntryId.Zero;
        else StreamEntryId.TryParse(a[2], 0, special: false, out after);
        if (stream is not null && after.TryNext(out var start))
        {
            var entries = StreamIds.Range(stream, start, StreamEntryId.Max, count, reverse: false);
            if (entries.Count > 0) return CacheReply.Array(entries.Select(StreamIds.Entry).ToArray());
        }
        if (until > 0) ks.AwaitKey(a[1], until);
        return StreamIds.Bulk(after);
    }
}
