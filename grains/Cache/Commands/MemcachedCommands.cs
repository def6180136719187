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
    public static readonly CacheReply Deleted = CacheReply.Simple("DELETED");
    public static readonly CacheReply NonNumeric = CacheReply.Error("CLIENT_ERROR cannot increment or decrement non-numeric value");

    /// <summary>[get, key] or [gat, key, expiry]: the value, flags and CAS, or null.</summary>
    public static CacheReply Get(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.FindItem(a[1], read: true);
        if (entry?.Value is not byte[] value) return CacheReply.Nil;
        var reply = new CacheReply(ReplyKind.Array) { Items = [CacheReply.Bulk(value), CacheReply.Int(entry.Flags), CacheReply.Int((long)entry.Cas)] };
        if (a.Length > 2) Expire(ks, entry, Long(a[2]));
        return reply;
    }

    /// <summary>
    /// [store, key, mode, flags, expiry, value, cas, (cas-reply)]; mode is set, add, replace, append, prepend or cas. An
    /// append or prepend with a CAS other than 0 is refused (EXISTS) when the item's differs, as memcached's binary
    /// protocol has it. With the eighth argument (the binary protocol), a stored item answers its new CAS unique.
    /// </summary>
    public static CacheReply Store(CacheKeyspace ks, byte[][] a)
    {
        var mode = Encoding.ASCII.GetString(a[2]);
        var cas = ulong.Parse(a[6], CultureInfo.InvariantCulture);
        var entry = ks.FindItem(a[1], read: false);
        CacheEntry stored;
        switch (mode)
        {
            case "add" when entry is not null:
            case "replace" or "append" or "prepend" when entry is null:
                return NotStored;
            case "cas" when entry is null:
                return NotFound;
            case "cas" when entry.Cas != cas:
            case "append" or "prepend" when cas != 0 && entry!.Cas != cas:
                return Exists;
            case "append" or "prepend":
                if (entry!.Value is not byte[] current) return NotStored;
                var joined = new byte[current.Length + a[5].Length];
                (mode == "append" ? current : a[5]).CopyTo(joined, 0);
                (mode == "append" ? a[5] : current).CopyTo(joined, mode == "append" ? current.Length : a[5].Length);
                entry.Value = joined;
                ks.Resize(entry);
                stored = entry;
                break;
            default:
                stored = ks.Put(a[1], a[5]);
                stored.Flags = uint.Parse(a[3], CultureInfo.InvariantCulture);
                Expire(ks, stored, Long(a[4]));
                break;
        }
        return a.Length > 7 ? CacheReply.Int((long)stored.Cas) : Stored;
    }

    /// <summary>[mcdelete, key, cas]: the item removed when its CAS unique is the one given (any, for 0), with DEL's event.</summary>
    public static CacheReply Delete(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.FindItem(a[1], read: false);
        if (entry is null) return NotFound;
        var cas = ulong.Parse(a[2], CultureInfo.InvariantCulture);
        if (cas != 0 && entry.Cas != cas) return Exists;
        ks.Remove(entry);
        ks.GenericEvent("del", entry.Key);
        return Deleted;
    }

    /// <summary>
    /// [incr, key, delta] or [incr, key, delta, "decr"]: 64-bit unsigned arithmetic; decr stops at 0, incr wraps. The
    /// binary protocol's form, [incr, key, delta, incr|decr, initial, expiry|"none"], makes a missing item with the initial
    /// value (unless the expiry is "none") and answers the value with the item's CAS unique and 1 (made), 2 (outgrew its
    /// item) or 0.
    /// </summary>
    public static CacheReply Incr(CacheKeyspace ks, byte[][] a)
    {
        var binary = a.Length > 5;
        var entry = ks.FindItem(a[1], read: false);
        if (entry is null)
        {
            if (!binary || Arg.Is(a[5], "none")) return NotFound;
            var created = ks.Put(a[1], (byte[])a[4].Clone());
            Expire(ks, created, Long(a[5]));
            return CacheReply.Array([CacheReply.Bulk(a[4]), CacheReply.Int((long)created.Cas), CacheReply.Int(1)]);
        }
        if (entry.Value is not byte[] value || !TryParseCounter(value, out var current)) return NonNumeric;
        var delta = ulong.Parse(a[2], CultureInfo.InvariantCulture);
        var result = a.Length > 3 && Arg.Is(a[3], "decr") ? (delta > current ? 0 : current - delta) : unchecked(current + delta);
        var text = Encoding.ASCII.GetBytes(result.ToString(CultureInfo.InvariantCulture));
        // memcached writes a shorter number over the old one in place, padded with spaces to the old length; a longer
        // one needs a new item, which it counts in total_items (told here by 1 on the reply, 2 in the binary form's).
        var grew = text.Length > value.Length;
        entry.Value = text.Length < value.Length ? [.. text, .. Enumerable.Repeat((byte)' ', value.Length - text.Length)] : text;
        ks.Resize(entry);
        return binary
            ? CacheReply.Array([CacheReply.Bulk(text), CacheReply.Int((long)entry.Cas), grew ? CacheReply.Int(2) : CacheReply.Zero])
            : new CacheReply(ReplyKind.Bulk) { Bytes = text, Integer = grew ? 1 : 0 };
    }

    /// <summary>A counter's digits, with the trailing spaces a shortened counter keeps (see <see cref="Incr"/>).</summary>
    private static bool TryParseCounter(byte[] value, out ulong counter)
    {
        var digits = value.AsSpan().TrimEnd((byte)' ');
        counter = 0;
        return digits.Length is > 0 and <= 20 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out counter);
    }

    /// <summary>[touch, key, expiry].</summary>
    public static CacheReply Touch(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.FindItem(a[1], read: false);
        if (entry is null) return NotFound;
        Expire(ks, entry, Long(a[2]));
        return Touched;
    }

    /// <summary>An item given a time already past stays, expired, as in memcached: the next command to find it counts get_expired.</summary>
    private static void Expire(CacheKeyspace ks, CacheEntry entry, long expiresAt) => ks.SetExpiry(entry, expiresAt < 0 ? 1 : expiresAt);

    private static long Long(byte[] text) => long.Parse(text, CultureInfo.InvariantCulture);
}
