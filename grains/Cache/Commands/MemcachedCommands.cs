using System.Globalization;
using System.Text;
using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>
/// The memcached operations on a shard, over the same string keys as RESP. Expiry arguments are
/// absolute Unix milliseconds, 0 for none and -1 for "already expired"; the endpoint converts
/// memcached's exptime. Replies are memcached's words as simple strings, or the value with its flags
/// and CAS unique.
/// </summary>
public static class MemcachedCommands
{
    public static readonly CacheReply Stored = CacheReply.Simple("STORED");
    public static readonly CacheReply NotStored = CacheReply.Simple("NOT_STORED");
    public static readonly CacheReply Exists = CacheReply.Simple("EXISTS");
    public static readonly CacheReply NotFound = CacheReply.Simple("NOT_FOUND");
    public static readonly CacheReply Touched = CacheReply.Simple("TOUCHED");
    public static readonly CacheReply NonNumeric = CacheReply.Error("CLIENT_ERROR cannot increment or decrement non-numeric value");

    /// <summary>[get, key] or [gat, key, expiry]: the value, flags and CAS, or null.</summary>
    public static CacheReply Get(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Read(a[1]);
        if (entry?.Value is not byte[] value) return CacheReply.Nil;
        var reply = new CacheReply(ReplyKind.Array) { Items = [CacheReply.Bulk(value), CacheReply.Int(entry.Flags), CacheReply.Int((long)entry.Cas)] };
        if (a.Length > 2) Expire(ks, entry, Long(a[2]));
        return reply;
    }

    /// <summary>[store, key, mode, flags, expiry, value, cas]; mode is set, add, replace, append, prepend or cas.</summary>
    public static CacheReply Store(CacheKeyspace ks, byte[][] a)
    {
        var mode = Encoding.ASCII.GetString(a[2]);
        var entry = ks.Write(a[1]);
        switch (mode)
        {
            case "add" when entry is not null:
            case "replace" or "append" or "prepend" when entry is null:
                return NotStored;
            case "cas" when entry is null:
                return NotFound;
            case "cas" when entry.Cas != ulong.Parse(a[6], CultureInfo.InvariantCulture):
                return Exists;
            case "append" or "prepend":
                if (entry!.Value is not byte[] current) return NotStored;
                var joined = new byte[current.Length + a[5].Length];
                (mode == "append" ? current : a[5]).CopyTo(joined, 0);
                (mode == "append" ? a[5] : current).CopyTo(joined, mode == "append" ? current.Length : a[5].Length);
                entry.Value = joined;
                ks.Resize(entry);
                return Stored;
        }
        var stored = ks.Put(a[1], a[5]);
        stored.Flags = uint.Parse(a[3], CultureInfo.InvariantCulture);
        Expire(ks, stored, Long(a[4]));
        return Stored;
    }

    /// <summary>[incr, key, delta] or [incr, key, delta, "decr"]: 64-bit unsigned arithmetic; decr stops at 0, incr wraps.</summary>
    public static CacheReply Incr(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        if (entry is null) return NotFound;
        if (entry.Value is not byte[] value || value.Length is 0 or > 20 || value.Any(b => b is < (byte)'0' or > (byte)'9')
            || !ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var current))
            return NonNumeric;
        var delta = ulong.Parse(a[2], CultureInfo.InvariantCulture);
        var result = a.Length > 3 ? (delta > current ? 0 : current - delta) : unchecked(current + delta);
        entry.Value = Encoding.ASCII.GetBytes(result.ToString(CultureInfo.InvariantCulture));
        ks.Resize(entry);
        return CacheReply.Bulk(entry.Value as byte[]);
    }

    /// <summary>[touch, key, expiry].</summary>
    public static CacheReply Touch(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        if (entry is null) return NotFound;
        Expire(ks, entry, Long(a[2]));
        return Touched;
    }

    private static void Expire(CacheKeyspace ks, CacheEntry entry, long expiresAt)
    {
        if (expiresAt < 0) ks.Remove(entry);
        else ks.SetExpiry(entry, expiresAt);
    }

    private static long Long(byte[] text) => long.Parse(text, CultureInfo.InvariantCulture);
}
