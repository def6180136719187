using DataTier.Cache.Blocking;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Notifications;
using DataTier.Cache.Values;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Values.ListValue>;

namespace DataTier.Cache.Commands;

/// <summary>List commands on one shard, with Redis 7.0's replies and errors.</summary>
public static class ListCommands
{
    /// <summary>LPUSH, RPUSH, LPUSHX, RPUSHX: the list's length after, 0 for the X forms on an absent key.</summary>
    public static CacheReply Push(CacheKeyspace ks, byte[][] a, bool left, bool onlyIfExists)
    {
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null)
        {
            if (onlyIfExists) return CacheReply.Zero;
            list = Lookup.Create(ks, a[1], out entry);
        }
        for (var i = 2; i < a.Length; i++)
        {
            if (left) list.PushFront(a[i]);
            else list.PushBack(a[i]);
        }
        ks.Resize(entry!);
        ks.ListEvent(left ? "lpush" : "rpush", a[1]);
        ks.KeyGrew(a[1]);
        return CacheReply.Int(list.Count);
    }

    /// <summary>LPOP and RPOP, with an optional count (then an array, or a nil array for an absent key).</summary>
    public static CacheReply Pop(CacheKeyspace ks, byte[][] a, bool left)
    {
        if (a.Length > 3) return CacheErrors.WrongArity(left ? "lpop" : "rpop");
        var hasCount = a.Length == 3;
        long count = 1;
        if (hasCount && PositiveCount(a[2], out count) is { } invalid) return invalid;
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null) return hasCount ? CacheReply.NilArray : CacheReply.Nil;
        if (!hasCount) return CacheReply.Bulk(PopOne(ks, entry!, list, left));
        var popped = new List<CacheReply>();
        while (popped.Count < count && list.Count > 0) popped.Add(CacheReply.Bulk(left ? list.PopFront() : list.PopBack()));
        Lookup.Changed(ks, entry!, list.Count == 0, KeyspaceEventTypes.List, left ? "lpop" : "rpop");
        return CacheReply.Array([.. popped]);
    }

    private static byte[] PopOne(CacheKeyspace ks, CacheEntry entry, ListValue list, bool left)
    {
        var element = left ? list.PopFront() : list.PopBack();
        Lookup.Changed(ks, entry, list.Count == 0, KeyspaceEventTypes.List, left ? "lpop" : "rpop");
        return element;
    }

    public static CacheReply Length(CacheKeyspace ks, byte[][] a)
    {
        var list = Lookup.Find(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(list?.Count ?? 0);
    }

    public static CacheReply Range(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var start) || !CacheNumbers.TryParseLong(a[3], out var stop)) return CacheErrors.NotInteger;
        var list = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (list is null || !Clamp(list.Count, ref start, ref stop)) return CacheReply.EmptyArray;
        var items = new CacheReply[stop - start + 1];
        for (var i = 0; i < items.Length; i++) items[i] = CacheReply.Bulk(list[(int)start + i]);
        return CacheReply.Array(items);
    }

    public static CacheReply Index(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var index)) return CacheErrors.NotInteger;
        var list = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (list is null) return CacheReply.Nil;
        if (index < 0) index += list.Count;
        return index >= 0 && index < list.Count ? CacheReply.Bulk(list[(int)index]) : CacheReply.Nil;
    }

    public static CacheReply Set(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var index)) return CacheErrors.NotInteger;
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null) return CacheErrors.NoSuchKey;
        if (index < 0) index += list.Count;
        if (index < 0 || index >= list.Count) return CacheReply.Error("ERR index out of range");
        list[(int)index] = a[3];
        ks.Resize(entry!);
        ks.ListEvent("lset", a[1]);
        return CacheReply.Ok;
    }

    public static CacheReply Trim(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var start) || !CacheNumbers.TryParseLong(a[3], out var stop)) return CacheErrors.NotInteger;
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null) return CacheReply.Ok;
        if (Clamp(list.Count, ref start, ref stop)) list.Replace(list.Items.Skip((int)start).Take((int)(stop - start + 1)).ToList());
        else list.Replace([]);
        Lookup.Changed(ks, entry!, list.Count == 0, KeyspaceEventTypes.List, "ltrim");
        return CacheReply.Ok;
    }

    /// <summary>LREM: count &gt; 0 removes that many from the head, &lt; 0 from the tail, 0 all.</summary>
    public static CacheReply Remove(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var count)) return CacheErrors.NotInteger;
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null) return CacheReply.Zero;
        var elements = list.Items.ToList();
        var limit = count == 0 ? long.MaxValue : Math.Abs(count);
        var removed = 0;
        var keep = new bool[elements.Count];
        for (var n = 0; n < elements.Count; n++)
        {
            var i = count < 0 ? elements.Count - 1 - n : n;
            var match = removed < limit && elements[i].AsSpan().SequenceEqual(a[3]);
            if (match) removed++;
            keep[i] = !match;
        }
        if (removed > 0)
        {
            list.Replace(elements.Where((_, i) => keep[i]));
            Lookup.Changed(ks, entry!, list.Count == 0, KeyspaceEventTypes.List, "lrem");
        }
        return CacheReply.Int(removed);
    }

    public static CacheReply Insert(CacheKeyspace ks, byte[][] a)
    {
        bool after;
        if (Arg.Is(a[2], "after")) after = true;
        else if (Arg.Is(a[2], "before")) after = false;
        else return CacheErrors.Syntax;
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (list is null) return CacheReply.Zero;
        var elements = list.Items.ToList();
        var pivot = elements.FindIndex(e => e.AsSpan().SequenceEqual(a[3]));
        if (pivot < 0) return CacheReply.MinusOne;
        elements.Insert(after ? pivot + 1 : pivot, a[4]);
        list.Replace(elements);
        ks.Resize(entry!);
        ks.ListEvent("linsert", a[1]);
        return CacheReply.Int(list.Count);
    }

    /// <summary>LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len].</summary>
    public static CacheReply Position(CacheKeyspace ks, byte[][] a)
    {
        long rank = 1, count = -1, maxLength = 0;
        for (var i = 3; i < a.Length; i++)
        {
            var last = i + 1 >= a.Length;
            if (Arg.Is(a[i], "rank") && !last)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out rank)) return CacheErrors.NotInteger;
                if (rank == 0)
                    return CacheReply.Error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list");
            }
            else if (Arg.Is(a[i], "count") && !last)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out count)) return CacheErrors.NotInteger;
                if (count < 0) return CacheReply.Error("ERR COUNT can't be negative");
            }
            else if (Arg.Is(a[i], "maxlen") && !last)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out maxLength)) return CacheErrors.NotInteger;
                if (maxLength < 0) return CacheReply.Error("ERR MAXLEN can't be negative");
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        var list = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var wantArray = count >= 0;
        if (list is null) return wantArray ? CacheReply.EmptyArray : CacheReply.Nil;
        var matches = new List<CacheReply>();
        // Redis negates a RANK of -2^63 into itself: every match from the tail is past the rank, and the COUNT bound
        // (matches - rank + 1, wrapped) is never reached.
        var wanted = count == 0 || (rank == long.MinValue && wantArray) ? long.MaxValue : wantArray ? count : 1;
        var skip = rank == long.MinValue ? 0 : Math.Abs(rank) - 1;
        var scanned = 0L;
        for (var n = 0; n < list.Count && matches.Count < wanted && (maxLength == 0 || scanned < maxLength); n++, scanned++)
        {
            var i = rank > 0 ? n : list.Count - 1 - n;
            if (!list[i].AsSpan().SequenceEqual(a[2])) continue;
            if (skip > 0)
            {
                skip--;
                continue;
            }
            matches.Add(CacheReply.Int(i));
        }
        if (wantArray) return CacheReply.Array([.. matches]);
        return matches.Count > 0 ? matches[0] : CacheReply.Nil;
    }

    /// <summary>
    /// LMOVE source destination LEFT|RIGHT LEFT|RIGHT (and RPOPLPUSH) when both keys are on this shard: the element
    /// moved, or nil when the source is empty. Both keys' types are checked before anything moves.
    /// </summary>
    public static CacheReply Move(CacheKeyspace ks, byte[][] a)
    {
        if (ParseMove(a, out var fromLeft, out var toLeft) is { } invalid) return invalid;
        var source = Lookup.Find(ks, a[1], true, out var sourceEntry, out var error);
        if (error is not null) return error;
        if (source is null) return CacheReply.Nil;
        var destination = Lookup.Find(ks, a[2], true, out var destinationEntry, out error);
        if (error is not null) return error;
        var element = fromLeft ? source.PopFront() : source.PopBack();
        if (ReferenceEquals(source, destination) || destination is null && a[1].AsSpan().SequenceEqual(a[2]))
        {
            if (toLeft) source.PushFront(element);
            else source.PushBack(element);
            ks.Resize(sourceEntry!);
            ks.ListEvent(toLeft ? "lpush" : "rpush", a[2]);
            ks.ListEvent(fromLeft ? "lpop" : "rpop", a[1]);
            return CacheReply.Bulk(element);
        }
        var emptied = source.Count == 0;
        Lookup.Changed(ks, sourceEntry!, emptied);
        destination ??= Lookup.Create(ks, a[2], out destinationEntry);
        if (toLeft) destination.PushFront(element);
        else destination.PushBack(element);
        ks.Resize(destinationEntry!);
        // Redis raises the push before the pop, and the source's del last.
        ks.ListEvent(toLeft ? "lpush" : "rpush", a[2]);
        ks.ListEvent(fromLeft ? "lpop" : "rpop", a[1]);
        if (emptied) ks.GenericEvent("del", a[1]);
        ks.KeyGrew(a[2]);
        return CacheReply.Bulk(element);
    }

    /// <summary>
    /// A pop's attempt (internal: key, LEFT|RIGHT, count with 0 for one element, wait-until in Unix ms, and for a
    /// blocking one its ticket): the element (or up to count of them, as an array) when the list has any and, for a
    /// blocking attempt, its turn in the key's line has come; otherwise nil, the ticket staying in line to be woken in
    /// its turn. A pop that does not block takes at once, as LPOP would.
    /// </summary>
    public static CacheReply PopOrAwait(CacheKeyspace ks, byte[][] a)
    {
        var left = Arg.Is(a[2], "left");
        CacheNumbers.TryParseLong(a[3], out var count);
        CacheNumbers.TryParseLong(a[4], out var until);
        var list = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        var ticket = until > 0 ? WaitTicket.Read(a, 5) : null;
        if (ticket is { } waiting && !ks.TakeTurn(a[1], waiting, until, list is not null)) return CacheReply.Nil;
        if (list is null) return CacheReply.Nil;
        CacheReply reply;
        if (count == 0) reply = CacheReply.Bulk(PopOne(ks, entry!, list, left));
        else
        {
            var popped = new List<CacheReply>();
            while (popped.Count < count && list.Count > 0) popped.Add(CacheReply.Bulk(left ? list.PopFront() : list.PopBack()));
            Lookup.Changed(ks, entry!, list.Count == 0, KeyspaceEventTypes.List, left ? "lpop" : "rpop");
            reply = CacheReply.Array([.. popped]);
        }
        if (ticket is { } served) ks.LeaveLine(a[1], served, list.Count > 0);
        return reply;
    }

    /// <summary>A blocking move's attempt with both keys here (internal: LMOVE's arguments, wait-until, ticket): LMOVE's answer in its turn, or nil as above.</summary>
    public static CacheReply MoveOrAwait(CacheKeyspace ks, byte[][] a)
    {
        var source = Lookup.Find(ks, a[1], true, out _, out var error);
        if (error is not null) return error;
        CacheNumbers.TryParseLong(a[5], out var until);
        var ticket = until > 0 ? WaitTicket.Read(a, 6) : null;
        if (ticket is { } waiting && !ks.TakeTurn(a[1], waiting, until, source is not null)) return CacheReply.Nil;
        if (source is null) return CacheReply.Nil;
        var reply = Move(ks, a[..5]);
        if (ticket is { } served) ks.LeaveLine(a[1], served, source.Count > 0);
        return reply;
    }

    /// <summary>The directions of LMOVE (arguments 3 and 4), or RPOPLPUSH's RIGHT LEFT when it has none.</summary>
    public static CacheReply? ParseMove(byte[][] a, out bool fromLeft, out bool toLeft)
    {
        fromLeft = false;
        toLeft = true;
        if (a.Length == 3) return null;
        if (!Direction(a[3], out fromLeft) || !Direction(a[4], out toLeft)) return CacheErrors.Syntax;
        return null;
    }

    private static bool Direction(byte[] arg, out bool left)
    {
        left = Arg.Is(arg, "left");
        return left || Arg.Is(arg, "right");
    }

    /// <summary>A count argument: an integer, and not negative (Redis' two messages).</summary>
    public static CacheReply? PositiveCount(byte[] arg, out long count)
    {
        if (!CacheNumbers.TryParseLong(arg, out count)) return CacheErrors.NotPositive;
        return count < 0 ? CacheErrors.NotPositive : null;
    }

    /// <summary>Redis' range rule: negative positions count from the end; false when the range is empty.</summary>
    private static bool Clamp(int length, ref long start, ref long stop)
    {
        if (start < 0) start += length;
        if (stop < 0) stop += length;
        if (start < 0) start = 0;
        if (start > stop || start >= length) return false;
        if (stop >= length) stop = length - 1;
        return true;
    }
}
