using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>Hash commands on one shard.</summary>
public static class HashCommands
{
    private static HashValue? Lookup(CacheKeyspace ks, byte[] key, bool write, out CacheEntry? entry, out CacheReply? error) =>
        TypedLookup<HashValue>.Find(ks, key, write, out entry, out error);

    private static HashValue Create(CacheKeyspace ks, byte[] key, ref CacheEntry? entry)
    {
        var hash = TypedLookup<HashValue>.Create(ks, key, out var created);
        entry = created;
        return hash;
    }

    public static CacheReply HSet(CacheKeyspace ks, byte[][] a, bool multi)
    {
        if (a.Length % 2 == 1) return CacheErrors.WrongArity(multi ? "hmset" : "hset");
        var hash = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        hash ??= Create(ks, a[1], ref entry);
        var added = 0;
        for (var i = 2; i < a.Length; i += 2)
            if (hash.Set(a[i], a[i + 1])) added++;
        ks.Resize(entry!);
        ks.HashEvent("hset", a[1]);
        return multi ? CacheReply.Ok : CacheReply.Int(added);
    }

    public static CacheReply HSetNx(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (hash?.Get(a[2]) is not null) return CacheReply.Zero;
        hash ??= Create(ks, a[1], ref entry);
        hash.Set(a[2], a[3]);
        ks.Resize(entry!);
        ks.HashEvent("hset", a[1]);
        return CacheReply.One;
    }

    public static CacheReply HGet(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Bulk(hash?.Get(a[2]));
    }

    public static CacheReply HMGet(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var items = new CacheReply[a.Length - 2];
        for (var i = 2; i < a.Length; i++) items[i - 2] = CacheReply.Bulk(hash?.Get(a[i]));
        return CacheReply.Array(items);
    }

    public static CacheReply HDel(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        if (hash is null) return CacheReply.Zero;
        var removed = 0;
        for (var i = 2; i < a.Length; i++)
            if (hash.Remove(a[i])) removed++;
        if (removed == 0) return CacheReply.Zero;
        if (hash.Count == 0) ks.Remove(entry!);
        else ks.Resize(entry!);
        ks.HashEvent("hdel", a[1]);
        if (hash.Count == 0) ks.GenericEvent("del", a[1]);
        return CacheReply.Int(removed);
    }

    public static CacheReply HExists(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        return error ?? (hash?.Get(a[2]) is null ? CacheReply.Zero : CacheReply.One);
    }

    public static CacheReply HGetAll(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (hash is null) return CacheReply.EmptyMap;
        var items = new CacheReply[hash.Count * 2];
        var i = 0;
        foreach (var (field, value) in hash.Fields)
        {
            items[i++] = CacheReply.Bulk(field);
            items[i++] = CacheReply.Bulk(value);
        }
        return CacheReply.Map(items);
    }

    public static CacheReply HKeys(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        return hash is null ? CacheReply.EmptyArray : CacheReply.Array(hash.Fields.Keys.Select(CacheReply.Bulk).ToArray());
    }

    public static CacheReply HVals(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        return hash is null ? CacheReply.EmptyArray : CacheReply.Array(hash.Fields.Values.Select(CacheReply.Bulk).ToArray());
    }

    public static CacheReply HLen(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(hash?.Count ?? 0);
    }

    public static CacheReply HStrLen(CacheKeyspace ks, byte[][] a)
    {
        var hash = Lookup(ks, a[1], false, out _, out var error);
        return error ?? CacheReply.Int(hash?.Get(a[2])?.Length ?? 0);
    }

    public static CacheReply HIncrBy(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[3], out var by)) return CacheErrors.NotInteger;
        var hash = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        long current = 0;
        if (hash?.Get(a[2]) is { } old && !CacheNumbers.TryParseLong(old, out current)) return CacheErrors.HashNotInteger;
        if ((by < 0 && current < 0 && by < long.MinValue - current) || (by > 0 && current > 0 && by > long.MaxValue - current))
            return CacheErrors.Overflow;
        hash ??= Create(ks, a[1], ref entry);
        hash.Set(a[2], CacheNumbers.ToBytes(current + by));
        ks.Resize(entry!);
        ks.HashEvent("hincrby", a[1]);
        return CacheReply.Int(current + by);
    }

    public static CacheReply HIncrByFloat(CacheKeyspace ks, byte[][] a)
    {
        if (!ExtendedFloat.TryParse(a[3], out var increment)) return CacheErrors.NotFloat;
        if (increment.Infinite) return CacheReply.Error("ERR value is NaN or Infinity");
        var hash = Lookup(ks, a[1], true, out var entry, out var error);
        if (error is not null) return error;
        var current = hash?.Get(a[2]) ?? [(byte)'0'];
        if (!CacheNumbers.TryAddFloat(current, a[3], out var result, out _))
            return ExtendedFloat.TryParse(current, out _) ? CacheErrors.NaNOrInfinity : CacheErrors.HashNotFloat;
        hash ??= Create(ks, a[1], ref entry);
        hash.Set(a[2], result);
        ks.Resize(entry!);
        ks.HashEvent("hincrbyfloat", a[1]);
        return CacheReply.Bulk(result);
    }

    public static CacheReply HScan(CacheKeyspace ks, byte[][] a)
    {
        if (ScanArgs.Parse(a, 3, allowType: false, out var scan) is { } parseError) return parseError;
        var hash = Lookup(ks, a[1], false, out var entry, out var error);
        if (error is not null) return error;
        if (hash is null) return CacheReply.EmptyScan;
        ulong next = 0;
        IEnumerable<byte[]> fields = hash.Fields.Keys;
        if (hash.IsHashtable)
        {
            fields = hash.ScanOrder.Page(scan.Cursor, scan.Count, out next);
            if (next == 0) hash.ReleaseScanOrder();
            ks.Reaccount(entry!);
        }
        var items = new List<CacheReply>();
        foreach (var field in fields)
        {
            if (!hash.Fields.TryGetValue(field, out var value)) continue;
            if (scan.Pattern is not null && !GlobPattern.IsMatch(scan.Pattern, field)) continue;
            items.Add(CacheReply.Bulk(field));
            items.Add(CacheReply.Bulk(value));
        }
        return CacheReply.ScanPage(next, items);
    }
}
