using DataTier.Cache.Commands;

namespace DataTier.Cache.Streams;

/// <summary>ID arguments of the stream commands and entries as replies.</summary>
public static class StreamIds
{
    /// <summary>XADD's explicit ID: <c>ms-seq</c>, <c>ms</c> (sequence 0) or <c>ms-*</c> (<paramref name="seqGiven"/> false).</summary>
    public static bool TryParseAddId(byte[] arg, out StreamEntryId id, out bool seqGiven)
    {
        seqGiven = !(arg.Length >= 2 && arg[^1] == (byte)'*' && arg[^2] == (byte)'-');
        if (seqGiven) return StreamEntryId.TryParse(arg, 0, special: false, out id);
        id = StreamEntryId.Zero;
        if (!StreamEntryId.TryParseNumber(arg.AsSpan(0, arg.Length - 2), out var ms)) return false;
        id = new StreamEntryId(ms, 0);
        return true;
    }

    /// <summary>
    /// A range bound of XRANGE and the like: <c>-</c>, <c>+</c>, an ID (missing sequence: 0 for a start, the largest for an
    /// end) or, with a leading <c>(</c>, the ID just after (start) or before (end).
    /// </summary>
    public static CacheReply? ParseBound(byte[] arg, bool start, out StreamEntryId id)
    {
        var missing = start ? 0 : ulong.MaxValue;
        if (arg.Length > 1 && arg[0] == (byte)'(')
        {
            if (!StreamEntryId.TryParse(arg.AsSpan(1), missing, special: false, out id)) return StreamErrors.InvalidId;
            if (start) return id.TryNext(out id) ? null : StreamErrors.InvalidStart;
            return id.TryPrevious(out id) ? null : StreamErrors.InvalidEnd;
        }
        return StreamEntryId.TryParse(arg, missing, special: true, out id) ? null : StreamErrors.InvalidId;
    }

    public static CacheReply Entry(StreamEntry entry) =>
        CacheReply.Array([CacheReply.Bulk(entry.Id.ToBytes()), CacheReply.Array(entry.Fields.Select(CacheReply.Bulk).ToArray())]);

    public static CacheReply Bulk(StreamEntryId id) => CacheReply.Bulk(id.ToBytes());

    /// <summary>Entries from <paramref name="start"/> to <paramref name="end"/> (inclusive), at most <paramref name="count"/> (0: all), newest first when <paramref name="reverse"/>.</summary>
    public static List<StreamEntry> Range(StreamValue stream, StreamEntryId start, StreamEntryId end, long count, bool reverse)
    {
        var found = new List<StreamEntry>();
        if (start > end) return found;
        var first = stream.IndexAtOrAfter(start);
        var last = stream.IndexAtOrAfter(end);
        if (last >= stream.Count || stream.Entries[last].Id > end) last--;
        for (var n = 0; n <= last - first && (count == 0 || found.Count < count); n++)
            found.Add(stream.Entries[reverse ? last - n : first + n]);
        return found;
    }

    /// <summary>The COUNT option of XRANGE and XREVRANGE (arguments from 4): 0 when absent, negative counts as 0 entries.</summary>
    public static CacheReply? ParseCount(byte[][] a, int from, out long count, out bool given)
    {
        count = 0;
        given = false;
        for (var i = from; i < a.Length; i++)
        {
            if (!Arg.Is(a[i], "count") || i + 1 >= a.Length) return CacheErrors.Syntax;
            if (!CacheNumbers.TryParseLong(a[++i], out count)) return CacheErrors.NotInteger;
            given = true;
        }
        return null;
    }
}
