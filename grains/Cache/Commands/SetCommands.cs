using DataTier.Cache.Keyspace;
using DataTier.Cache.Notifications;
using DataTier.Cache.Values;
using Lookup = DataTier.Cache.Commands.TypedLookup<DataTier.Cache.Values.SetValue>;

namespace DataTier.Cache.Commands;

/// <summary>Set commands on one shard, with Redis 7.0's replies and errors.</summary>
public static class SetCommands
{
    public static CacheReply Add(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        set ??= Lookup.Create(ks, a[1], out entry);
        var added = 0;
        for (var i = 2; i < a.Length; i++)
            if (set.Add(a[i])) added++;
        ks.Resize(entry!);
        if (added > 0) ks.SetEvent("sadd", a[1]);
        return CacheReply.Int(added);
    }

    public static CacheReply Remove(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.Zero;
        var removed = 0;
        for (var i = 2; i < a.Length; i++)
            if (set.Remove(a[i])) removed++;
        if (removed > 0) Lookup.Changed(ks, entry!, set.Count == 0, KeyspaceEventTypes.Set, "srem");
        return CacheReply.Int(removed);
    }

    public static CacheReply IsMember(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], false, out _, out var error);
        return error ?? (set is not null && set.Contains(a[2]) ? CacheReply.One : CacheReply.Zero);
    }

    public static CacheReply AreMembers(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var items = new CacheReply[a.Length - 2];
        for (var i = 2; i < a.Length; i++) items[i - 2] = set is not null && set.Contains(a[i]) ? CacheReply.One : CacheReply.Zero;
        return CacheReply.Array(items);
    }

    public static CacheReply Members(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        return set is null ? CacheReply.Members([]) : CacheReply.Members(set.Members.Select(CacheReply.Bulk).ToArray());
    }

    public static CacheReply Cardinality(CacheKeyspace ks, byte[][] a)
    {
        var set = Lookup.Find(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(set?.Count ?? 0);
    }

    /// <summary>SPOP key [count]: random members removed (a set reply with a count).</summary>
    public static CacheReply Pop(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length > 3) return CacheErrors.Syntax;
        var hasCount = a.Length == 3;
        long count = 1;
        if (hasCount && ListCommands.PositiveCount(a[2], out count) is { } invalid) return invalid;
        var set = Lookup.Find(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return hasCount ? CacheReply.Members([]) : CacheReply.Nil;
        var popped = new List<CacheReply>();
        while (popped.Count < (hasCount ? count : 1) && set.Count > 0)
        {
            var member = set.Random(Random.Shared);
            set.Remove(member);
            popped.Add(CacheReply.Bulk(member));
        }
        // Redis pops most of a set by keeping the few members left in a new set, whose encoding starts afresh.
        if (hasCount && set.Count > 0 && set.Count * 5L <= count) set.Reencode();
        if (popped.Count > 0) Lookup.Changed(ks, entry!, set.Count == 0, KeyspaceEventTypes.Set, "spop");
        return hasCount ? CacheReply.Members([.. popped]) : popped[0];
    }

    /// <summary>SRANDMEMBER key [count]: distinct members for a positive count, possibly repeated ones for a negative count.</summary>
    public static CacheReply RandomMembers(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length > 3) return CacheErrors.Syntax;
        var hasCount = a.Length == 3;
        long count = 1;
        if (hasCount && !CacheNumbers.TryParseLong(a[2], out count)) return CacheErrors.NotInteger;
        if (count == long.MinValue) return RandomCountArgs.OutOfLongRange;
        var set = Lookup.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (!hasCount) return set is null ? CacheReply.Nil : CacheReply.Bulk(set.Random(Random.Shared));
        if (set is null || count == 0) return CacheReply.EmptyArray;
        if (RandomCountArgs.CheckRepeated(count) is { } tooMany) return tooMany;
        if (count < 0)
        {
            var repeated = new CacheReply[-count];
            for (var i = 0; i < repeated.Length; i++) repeated[i] = CacheReply.Bulk(set.Random(Random.Shared));
            return CacheReply.Array(repeated);
        }
        return CacheReply.Array(Distinct(set, (int)Math.Min(count, set.Count)).Select(CacheReply.Bulk).ToArray());
    }

    /// <summary>
    /// <paramref name="count"/> distinct random members: drawn index by index while they are few against the set (a
    /// draw then rarely repeats), from a shuffled copy otherwise, so a small sample of a large set costs no full copy.
    /// </summary>
    private static IEnumerable<byte[]> Distinct(SetValue set, int count)
    {
        if (count * 2 <= set.Count)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < count) chosen.Add(Random.Shared.Next(set.Count));
            return chosen.Select(i => set.Members[i]);
        }
        var all = set.Members.ToArray();
        Random.Shared.Shuffle(all);
        return all.Take(count);
    }

    public static CacheReply Scan(CacheKeyspace ks, byte[][] a)
    {
        if (ScanArgs.Parse(a, 3, allowType: false, out var scan) is { } parseError) return parseError;
        var set = Lookup.Find(ks, a[1], false, out var entry, out var error);
        if (error is not null) return error;
        if (set is null) return CacheReply.EmptyScan;
        ulong next = 0;
        IEnumerable<byte[]> members = set.Members;
        if (set.IsHashtable)
        {
            members = set.ScanOrder.Page(scan.Cursor, scan.Count, out next);
            if (next == 0) set.ReleaseScanOrder();
            ks.Reaccount(entry!);
        }
        var items = members.Where(m => set.Contains(m) && (scan.Pattern is null || GlobPattern.IsMatch(scan.Pattern, m))).Select(CacheReply.Bulk).ToList();
        return CacheReply.ScanPage(next, items);
    }

    /// <summary>SMOVE source destination member, both keys on this shard.</summary>
    public static CacheReply Move(CacheKeyspace ks, byte[][] a)
    {
        var source = Lookup.Find(ks, a[1], true, out var sourceEntry, out var error);
        if (error is not null) return error;
        if (source is null) return CacheReply.Zero;
        var destination = Lookup.Find(ks, a[2], true, out var destinationEntry, out error);
        if (error is not null) return error;
        if (ReferenceEquals(source, destination)) return source.Contains(a[3]) ? CacheReply.One : CacheReply.Zero;
        if (!source.Remove(a[3])) return CacheReply.Zero;
        Lookup.Changed(ks, sourceEntry!, source.Count == 0, KeyspaceEventTypes.Set, "srem");
        destination ??= Lookup.Create(ks, a[2], out destinationEntry);
        var added = destination.Add(a[3]);
        ks.Resize(destinationEntry!);
        if (added) ks.SetEvent("sadd", a[2]);
        return CacheReply.One;
    }

    /// <summary>SINTER, SUNION, SDIFF (keys from argument 1) and their STORE forms (destination argument 1, keys from 2), all keys on this shard.</summary>
    public static CacheReply Combine(CacheKeyspace ks, byte[][] a, SetOperation operation, bool store)
    {
        var first = store ? 2 : 1;
        var values = new object?[a.Length - first];
        for (var i = first; i < a.Length; i++) values[i - first] = ks.Read(a[i])?.Value;
        if (SetAlgebra.Combine(operation, values, out var result) is { } error) return error;
        if (!store) return CacheReply.Members(result.Select(CacheReply.Bulk).ToArray());
        Store(ks, a[1], result, operation switch { SetOperation.Inter => "sinterstore", SetOperation.Union => "sunionstore", _ => "sdiffstore" });
        return CacheReply.Int(result.Count);
    }

    /// <summary>A STORE form's result: the destination replaced by the set (whatever it held, and without its expiry), or removed when empty.</summary>
    public static void Store(CacheKeyspace ks, byte[] destination, List<byte[]> members, string @event)
    {
        ks.StoreResult(destination, members.Count == 0 ? null : SetValue.Of(members), KeyspaceEventTypes.Set, @event);
    }

    /// <summary>SINTERCARD numkeys key [key ...] [LIMIT limit]: the checks, then the keys (argument 2 on).</summary>
    public static CacheReply? ParseIntersectionCardinality(byte[][] a, out int keyCount, out long limit)
    {
        limit = 0;
        keyCount = 0;
        if (!CacheNumbers.TryParseLong(a[1], out var numKeys) || numKeys <= 0) return CacheReply.Error("ERR numkeys should be greater than 0");
        if (numKeys > a.Length - 2) return CacheReply.Error("ERR Number of keys can't be greater than number of args");
        keyCount = (int)numKeys;
        for (var i = 2 + keyCount; i < a.Length; i++)
        {
            if (Arg.Is(a[i], "limit") && i + 1 < a.Length)
            {
                if (!CacheNumbers.TryParseLong(a[++i], out limit) || limit < 0) return CacheReply.Error("ERR LIMIT can't be negative");
            }
            else
            {
                return CacheErrors.Syntax;
            }
        }
        return null;
    }

    public static CacheReply IntersectionCardinality(CacheKeyspace ks, byte[][] a)
    {
        if (ParseIntersectionCardinality(a, out var keyCount, out var limit) is { } invalid) return invalid;
        var values = new object?[keyCount];
        for (var i = 0; i < keyCount; i++) values[i] = ks.Read(a[2 + i])?.Value;
        if (SetAlgebra.Combine(SetOperation.Inter, values, out var result) is { } error) return error;
        return CacheReply.Int(limit > 0 ? Math.Min(limit, result.Count) : result.Count);
    }
}
