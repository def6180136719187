using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>String commands on one shard.</summary>
public static class StringCommands
{
    private const long MaxStringLength = 512L * 1024 * 1024;

    public static CacheReply Get(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Nil;
        return entry.Value is byte[] value ? CacheReply.Bulk(value) : CacheErrors.WrongType;
    }

    public static CacheReply Set(CacheKeyspace ks, byte[][] a)
    {
        if (ExpiryArgs.Parse(a, 3, isSet: true, "set", ks.Now, out var o) is { } error) return error;
        var entry = o.Get ? ks.Read(a[1]) : ks.Write(a[1]);
        if (o.Get && entry is not null && entry.Value is not byte[]) return CacheErrors.WrongType;
        var old = entry?.Value as byte[];
        if ((o.Nx && entry is not null) || (o.Xx && entry is null)) return o.Get ? CacheReply.Bulk(old) : CacheReply.Nil;
        var written = ks.Put(a[1], a[2], o.KeepTtl);
        ks.StringEvent("set", a[1]);
        if (o.ExpiresAt != 0)
        {
            ks.SetExpiry(written, o.ExpiresAt);
            ks.GenericEvent("expire", a[1]);
        }
        return o.Get ? CacheReply.Bulk(old) : CacheReply.Ok;
    }

    public static CacheReply GetDel(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Nil;
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        ks.Remove(entry);
        ks.GenericEvent("del", a[1]);
        return CacheReply.Bulk(value);
    }

    public static CacheReply GetEx(CacheKeyspace ks, byte[][] a)
    {
        if (ExpiryArgs.ParseSyntax(a, 2, isSet: false, out var o) is { } error) return error;
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Nil;
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        // As in Redis, the expiry's value is read only once the key is found to be a string.
        if (o.ResolveExpiry("getex", ks.Now) is { } invalidExpiry) return invalidExpiry;
        if (o.ExpiresAt != 0)
        {
            if (o.ExpiresAt <= ks.Now)
            {
                ks.Remove(entry);
                ks.GenericEvent("del", a[1]);
            }
            else
            {
                ks.SetExpiry(entry, o.ExpiresAt);
                ks.GenericEvent("expire", a[1]);
            }
        }
        else if (o.Persist && entry.ExpiresAt != 0)
        {
            ks.SetExpiry(entry, 0);
            ks.GenericEvent("persist", a[1]);
        }
        return CacheReply.Bulk(value);
    }

    public static CacheReply GetSet(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry is not null && entry.Value is not byte[]) return CacheErrors.WrongType;
        var old = entry?.Value as byte[];
        ks.Put(a[1], a[2]);
        ks.StringEvent("set", a[1]);
        return CacheReply.Bulk(old);
    }

    public static CacheReply MGet(CacheKeyspace ks, byte[][] a)
    {
        var items = new CacheReply[a.Length - 1];
        for (var i = 1; i < a.Length; i++)
            items[i - 1] = ks.Read(a[i]) is { Value: byte[] value } ? CacheReply.Bulk(value) : CacheReply.Nil;
        return CacheReply.Array(items);
    }

    public static CacheReply MSet(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length % 2 == 0) return CacheErrors.WrongArity("mset");
        for (var i = 1; i < a.Length; i += 2)
        {
            ks.Put(a[i], a[i + 1]);
            ks.StringEvent("set", a[i]);
        }
        return CacheReply.Ok;
    }

    public static CacheReply MSetNx(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length % 2 == 0) return CacheErrors.WrongArity("msetnx");
        for (var i = 1; i < a.Length; i += 2)
            if (ks.Find(a[i]) is not null) return CacheReply.Zero;
        for (var i = 1; i < a.Length; i += 2)
        {
            ks.Put(a[i], a[i + 1]);
            ks.StringEvent("set", a[i]);
        }
        return CacheReply.One;
    }

    public static CacheReply SetNx(CacheKeyspace ks, byte[][] a)
    {
        if (ks.Write(a[1]) is not null) return CacheReply.Zero;
        ks.Add(a[1], a[2]);
        ks.StringEvent("set", a[1]);
        return CacheReply.One;
    }

    public static CacheReply SetEx(CacheKeyspace ks, byte[][] a, long unit)
    {
        var command = unit == 1000 ? "setex" : "psetex";
        if (!CacheNumbers.TryParseLong(a[2], out var when)) return CacheErrors.NotInteger;
        if (when <= 0 || when > long.MaxValue / unit) return CacheErrors.InvalidExpire(command);
        when *= unit;
        if (when > long.MaxValue - ks.Now) return CacheErrors.InvalidExpire(command);
        var entry = ks.Put(a[1], a[3]);
        ks.StringEvent("set", a[1]);
        ks.SetExpiry(entry, ks.Now + when);
        ks.GenericEvent("expire", a[1]);
        return CacheReply.Ok;
    }

    public static CacheReply Append(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        if (entry is null)
        {
            ks.Add(a[1], a[2]);
            ks.StringEvent("append", a[1]);
            return CacheReply.Int(a[2].Length);
        }
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        if (value.Length + (long)a[2].Length > MaxStringLength) return CacheErrors.StringTooLong;
        var joined = new byte[value.Length + a[2].Length];
        value.CopyTo(joined, 0);
        a[2].CopyTo(joined, value.Length);
        ks.SetRawString(a[1], entry, joined);
        ks.StringEvent("append", a[1]);
        return CacheReply.Int(joined.Length);
    }

    public static CacheReply StrLen(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.Zero;
        return entry.Value is byte[] value ? CacheReply.Int(value.Length) : CacheErrors.WrongType;
    }

    public static CacheReply GetRange(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var start) || !CacheNumbers.TryParseLong(a[3], out var end)) return CacheErrors.NotInteger;
        var entry = ks.Read(a[1]);
        if (entry is null) return CacheReply.EmptyBulk;
        if (entry.Value is not byte[] value) return CacheErrors.WrongType;
        if (start < 0 && end < 0 && start > end) return CacheReply.EmptyBulk;
        long length = value.Length;
        if (start < 0) start = length + start;
        if (end < 0) end = length + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= length) end = length - 1;
        if (start > end || length == 0) return CacheReply.EmptyBulk;
        return CacheReply.Bulk(value.AsSpan((int)start, (int)(end - start + 1)).ToArray());
    }

    public static CacheReply SetRange(CacheKeyspace ks, byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var offset)) return CacheErrors.NotInteger;
        if (offset < 0) return CacheErrors.OffsetOutOfRange;
        var patch = a[3];
        var entry = ks.Write(a[1]);
        if (entry is not null && entry.Value is not byte[]) return CacheErrors.WrongType;
        var value = entry?.Value as byte[] ?? [];
        if (patch.Length == 0) return CacheReply.Int(value.Length);
        if (offset + patch.Length > MaxStringLength) return CacheErrors.StringTooLong;
        var length = Math.Max(value.Length, (int)offset + patch.Length);
        var updated = value.Length == length ? value : new byte[length];
        if (!ReferenceEquals(updated, value)) value.CopyTo(updated, 0);
        patch.CopyTo(updated, (int)offset);
        ks.SetRawString(a[1], entry, updated);
        ks.StringEvent("setrange", a[1]);
        return CacheReply.Int(length);
    }

    public static CacheReply IncrBy(CacheKeyspace ks, byte[][] a, bool negate)
    {
        if (!CacheNumbers.TryParseLong(a[2], out var by)) return CacheErrors.NotInteger;
        if (negate)
        {
            if (by == long.MinValue) return CacheReply.Error("ERR decrement would overflow");
            by = -by;
        }
        return IncrBy(ks, a[1], by);
    }

    public static CacheReply IncrBy(CacheKeyspace ks, byte[] key, long by)
    {
        var entry = ks.Write(key);
        long current = 0;
        if (entry is not null)
        {
            if (entry.Value is not byte[] value) return CacheErrors.WrongType;
            if (!CacheNumbers.TryParseLong(value, out current)) return CacheErrors.NotInteger;
        }
        if ((by < 0 && current < 0 && by < long.MinValue - current) || (by > 0 && current > 0 && by > long.MaxValue - current))
            return CacheErrors.Overflow;
        var result = current + by;
        var bytes = CacheNumbers.ToBytes(result);
        if (entry is null) ks.Add(key, bytes);
        else
        {
            entry.Value = bytes;
            entry.StringEncoding = StringEncoding.Auto;
            ks.Resize(entry);
        }
        ks.StringEvent("incrby", key);
        return CacheReply.Int(result);
    }

    public static CacheReply IncrByFloat(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        byte[] current = [(byte)'0'];
        if (entry is not null)
        {
            if (entry.Value is not byte[] value) return CacheErrors.WrongType;
            current = value;
        }
        if (!CacheNumbers.TryAddFloat(current, a[2], out var result, out var notFloat)) return notFloat ? CacheErrors.NotFloat : CacheErrors.NaNOrInfinity;
        entry ??= ks.Add(a[1], result);
        entry.Value = result;
        entry.StringEncoding = StringEncoding.NotInteger;
        ks.Resize(entry);
        ks.StringEvent("incrbyfloat", a[1]);
        return CacheReply.Bulk(result);
    }
}
