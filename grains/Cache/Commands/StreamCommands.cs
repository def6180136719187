using DataTier.Cache.Keyspace;
using DataTier.Cache.Streams;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Streams.StreamValue>;

namespace DataTier.Cache.Commands;

/// <summary>Stream commands without consumer groups, on one shard, with Redis 7.0's replies and errors.</summary>
public static class StreamCommands
{
    /// <summary>XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...].</summary>
    public static CacheReply Add(CacheKeyspace ks, byte[][] a)
    {
        if (StreamTrim.Parse(a, add: true, out var trim) is { } invalid) return invalid;
        var fieldCount = a.Length - trim.IdIndex - 1;
        if (fieldCount < 2 || fieldCount % 2 == 1) return CacheErrors.WrongArity("xadd");
        var idArg = a[trim.IdIndex];
        var auto = Arg.Is(idArg, "*");
        StreamEntryId id = default;
        var seqGiven = true;
        if (!auto)
        {
            StreamIds.TryParseAddId(idArg, out id, out seqGiven);
            if (seqGiven && id.IsZero) return StreamErrors.ZeroId;
        }
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null)
        {
            if (trim.NoMakeStream) return CacheReply.Nil;
            stream = Lookup.Create(ks, a[1], out entry);
        }
        if (stream.LastId == StreamEntryId.Max) return StreamErrors.Exhausted;
        if (NextId(stream, auto, seqGiven, id, (ulong)ks.Now, out var next) is { } refused) return refused;
        stream.Append(next, a[(trim.IdIndex + 1)..]);
        var trimmed = trim.Apply(stream);
        ks.Resize(entry!);
        ks.StreamEvent("xadd", a[1]);
        if (trimmed > 0) ks.StreamEvent("xtrim", a[1]);
        ks.KeyGrew(a[1]);
        return StreamIds.Bulk(next);
    }

    /// <summary>The ID XADD gives the new entry, or the error when it would not be greater than the last.</summary>
    private static CacheReply? NextId(StreamValue stream, bool auto, bool seqGiven, StreamEntryId given, ulong now, out StreamEntryId next)
    {
        var last = stream.LastId;
        next = given;
        if (auto)
        {
            if (now > last.Ms) next = new StreamEntryId(now, 0);
            else last.TryNext(out next);
            return null;
        }
        if (!seqGiven)
        {
            if (given.Ms > last.Ms) return null;
            if (given.Ms < last.Ms) return StreamErrors.NotGreater;
            if (last.Seq == ulong.MaxValue) return StreamErrors.TooLarge;
            next = new StreamEntryId(given.Ms, last.Seq + 1);
            return null;
        }
        return given > last ? null : StreamErrors.NotGreater;
    }

    public static CacheReply Length(CacheKeyspace ks, byte[][] a)
    {
        var stream = Lookup.Find(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(stream?.Count ?? 0);
    }

    /// <summary>XRANGE key start end [COUNT count], and XREVRANGE key end start [COUNT count].</summary>
    public static CacheReply Range(CacheKeyspace ks, byte[][] a, bool reverse)
    {
        if (StreamIds.ParseBound(a[reverse ? 3 : 2], start: true, out var start) is { } badStart) return badStart;
        if (StreamIds.ParseBound(a[reverse ? 2 : 3], start: false, out var end) is { } badEnd) return badEnd;
        if (StreamIds.ParseCount(a, 4, out var count, out var countGiven) is { } badCount) return badCount;
        var stream = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (stream is null) return CacheReply.EmptyArray;
        if (countGiven && count <= 0) return CacheReply.NilArray;
        return CacheReply.Array(StreamIds.Range(stream, start, end, count, reverse).Select(StreamIds.Entry).ToArray());
    }

    public static CacheReply Delete(CacheKeyspace ks, byte[][] a)
    {
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null) return CacheReply.Zero;
        var ids = new StreamEntryId[a.Length - 2];
        for (var i = 2; i < a.Length; i++)
            if (!StreamEntryId.TryParse(a[i], 0, special: false, out ids[i - 2])) return StreamErrors.InvalidId;
        var deleted = ids.Count(stream.Delete);
        if (deleted > 0)
        {
            ks.Resize(entry!);
            ks.StreamEvent("xdel", a[1]);
        }
        return CacheReply.Int(deleted);
    }

    public static CacheReply Trim(CacheKeyspace ks, byte[][] a)
    {
        if (StreamTrim.Parse(a, add: false, out var trim) is { } invalid) return invalid;
        if (!trim.Any) return CacheErrors.Syntax;
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null) return CacheReply.Zero;
        var removed = trim.Apply(stream);
        if (removed > 0)
        {
            ks.Resize(entry!);
            ks.StreamEvent("xtrim", a[1]);
        }
        return CacheReply.Int(removed);
    }

    /// <summary>XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id].</summary>
    public static CacheReply SetId(CacheKeyspace ks, byte[][] a)
    {
        if (!StreamEntryId.TryParse(a[2], 0, special: false, out var id)) return StreamErrors.InvalidId;
        long entriesAdded = -1;
        StreamEntryId? maxDeleted = null;
        for (var i = 3; i < a.Length; i++)
        {
            if (i + 1 >= a.Length) return CacheErrors.Syntax;
            if (Arg.Is(a[i], "entriesadded"))
            {
                if (!CacheNumbers.TryParseLong(a[++i], out entriesAdded)) return CacheErrors.NotInteger;
                if (entriesAdded < 0) return CacheReply.Error("ERR entries_added must be positive");
            }
            else if (Arg.Is(a[i], "maxdeletedid"))
            {
                if (!StreamEntryId.TryParse(a[++i], 0, special: false, out var deleted)) return StreamErrors.InvalidId;
                if (id < deleted) return CacheReply.Error("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                maxDeleted = deleted;
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        var stream = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (stream is null) return CacheErrors.NoSuchKey;
        if (stream.Count > 0 && id < stream.Entries[^1].Id) return CacheReply.Error("ERR The ID specified in XSETID is smaller than the target stream top item");
        if (entriesAdded != -1 && stream.Count > entriesAdded)
            return CacheReply.Error("ERR The entries_added specified in XSETID is smaller than the target stream length");
        stream.LastId = id;
        if (entriesAdded != -1) stream.EntriesAdded = entriesAdded;
        if (maxDeleted is { } max) stream.MaxDeletedId = max;
        ks.Resize(entry!);
        ks.StreamEvent("xsetid", a[1]);
        return CacheReply.Ok;
    }
}
