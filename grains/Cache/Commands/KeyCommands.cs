using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>Key commands on one shard, and the per-shard parts of KEYS, SCAN and FLUSHDB.</summary>
public static class KeyCommands
{
    public static CacheReply Del(CacheKeyspace ks, byte[][] a)
    {
        var removed = 0;
        for (var i = 1; i < a.Length; i++)
        {
            if (!ks.Remove(a[i])) continue;
            ks.GenericEvent("del", a[i]);
            removed++;
        }
        return CacheReply.Int(removed);
    }

    public static CacheReply Exists(CacheKeyspace ks, byte[][] a)
    {
        var found = 0;
        for (var i = 1; i < a.Length; i++)
            if (ks.Find(a[i]) is not null) found++;
        return CacheReply.Int(found);
    }

    public static CacheReply Touch(CacheKeyspace ks, byte[][] a)
    {
        var found = 0;
        for (var i = 1; i < a.Length; i++)
        {
            if (ks.Find(a[i]) is not { } entry) continue;
            ks.Touch(entry);
            found++;
        }
        return CacheReply.Int(found);
    }

    public static CacheReply Expire(CacheKeyspace ks, byte[][] a, long unit, bool relative)
    {
        var command = Arg.Lower(a[0]);
        bool nx = false, xx = false, gt = false, lt = false;
        for (var j = 3; j < a.Length; j++)
        {
            if (Arg.Is(a[j], "nx")) nx = true;
            else if (Arg.Is(a[j], "xx")) xx = true;
            else if (Arg.Is(a[j], "gt")) gt = true;
            else if (Arg.Is(a[j], "lt")) lt = true;
            else return CacheReply.Error("ERR Unsupported option " + Arg.Text(a[j]));
        }
        if (nx && (xx || gt || lt)) return CacheReply.Error("ERR NX and XX, GT or LT options at the same time are not compatible");
        if (gt && lt) return CacheReply.Error("ERR GT and LT options at the same time are not compatible");
        if (!CacheNumbers.TryParseLong(a[2], out var when)) return CacheErrors.NotInteger;
        if (unit == 1000)
        {
            if (when > long.MaxValue / 1000 || when < long.MinValue / 1000) return CacheErrors.InvalidExpire(command);
            when *= 1000;
        }
        if (relative)
        {
            if ((when > 0 && ks.Now > long.MaxValue - when) || (when < 0 && ks.Now < long.MinValue - when)) return CacheErrors.InvalidExpire(command);
            when += ks.Now;
        }
        var entry = ks.Write(a[1]);
        if (entry is null) return CacheReply.Zero;
        var current = entry.ExpiresAt == 0 ? -1 : entry.ExpiresAt;
        if (nx && current != -1) return CacheReply.Zero;
        if (xx && current == -1) return CacheReply.Zero;
        if (gt && (current == -1 || when <= current)) return CacheReply.Zero;
        if (lt && current != -1 && when >= current) return CacheReply.Zero;
        if (when <= ks.Now)
        {
            ks.Remove(entry);
            ks.GenericEvent("del", a[1]);
        }
        else
        {
            ks.SetExpiry(entry, when);
            ks.GenericEvent("expire", a[1]);
        }
        return CacheReply.One;
    }

    public static CacheReply Ttl(CacheKeyspace ks, byte[][] a, bool milliseconds, bool absolute)
    {
        var entry = ks.Find(a[1]);
        if (entry is null) return CacheReply.MinusTwo;
        if (entry.ExpiresAt == 0) return CacheReply.MinusOne;
        var ttl = absolute ? entry.ExpiresAt : entry.ExpiresAt - ks.Now;
        if (ttl < 0) ttl = 0;
        return CacheReply.Int(milliseconds ? ttl : (ttl + 500) / 1000);
    }

    public static CacheReply Persist(CacheKeyspace ks, byte[][] a)
    {
        var entry = ks.Write(a[1]);
        if (entry is null || entry.ExpiresAt == 0) return CacheReply.Zero;
        ks.SetExpiry(entry, 0);
        ks.GenericEvent("persist", a[1]);
        return CacheReply.One;
    }

    public static CacheReply Type(CacheKeyspace ks, byte[][] a) => CacheReply.Simple(TypeName(ks.Find(a[1])?.Value));

    public static string TypeName(object? value) => value switch
    {
        null => "none",
        byte[] => "string",
        HashValue => "hash",
        SortedSetValue => "zset",
        ListValue => "list",
        SetValue => "set",
        Streams.StreamValue => "stream",
        _ => "none",
    };

    /// <summary>RENAME within one shard (the session splits the cross-shard case into export, import and delete).</summary>
    public static CacheReply Rename(CacheKeyspace ks, byte[][] a, bool nx)
    {
        var source = ks.Write(a[1]);
        if (source is null) return CacheErrors.NoSuchKey;
        if (a[1].AsSpan().SequenceEqual(a[2])) return nx ? CacheReply.Zero : CacheReply.Ok;
        if (nx && ks.Find(a[2]) is not null) return CacheReply.Zero;
        ks.Remove(a[2]);
        ks.Remove(source);
        var moved = ks.Add(a[2], source.Value, source.ExpiresAt);
        moved.Frequency = source.Frequency;
        moved.Flags = source.Flags;
        moved.StringEncoding = source.StringEncoding;
        ks.ValueArrived(a[2], source.Value);
        ks.GenericEvent("rename_from", a[1]);
        ks.GenericEvent("rename_to", a[2]);
        return nx ? CacheReply.One : CacheReply.Ok;
    }

    /// <summary>A cross-shard RENAME's last step (internal: key): the source removed, as rename_from.</summary>
    public static CacheReply RenameFrom(CacheKeyspace ks, byte[][] a)
    {
        if (!ks.Remove(a[1])) return CacheReply.Zero;
        ks.GenericEvent("rename_from", a[1]);
        return CacheReply.One;
    }

    /// <summary>The keys of this shard that match a pattern.</summary>
    public static CacheReply Keys(CacheKeyspace ks, byte[][] a)
    {
        var pattern = a[1];
        var all = GlobPattern.MatchesAll(pattern);
        var keys = new List<CacheReply>();
        foreach (var entry in ks.Entries)
        {
            if (entry.IsExpiredAt(ks.Now)) continue;
            if (all || GlobPattern.IsMatch(pattern, entry.Key)) keys.Add(CacheReply.Bulk(entry.Key));
        }
        return CacheReply.Array([.. keys]);
    }

    /// <summary>
    /// A step of SCAN on this shard: <c>SCAN position count pattern type</c> (already validated by the
    /// session), where the position is a 32-bit key hash; keys are visited in hash order, so a key
    /// present throughout a scan is returned at least once whatever is added or removed meanwhile.
    /// Replies [next position or -1 when done, keys...].
    /// </summary>
    public static CacheReply Scan(CacheKeyspace ks, byte[][] a)
    {
        var position = long.Parse(Arg.Text(a[1]), System.Globalization.CultureInfo.InvariantCulture);
        var count = int.Parse(Arg.Text(a[2]), System.Globalization.CultureInfo.InvariantCulture);
        var pattern = a[3];
        var type = a[4];
        var candidates = new List<(uint Hash, CacheEntry Entry)>();
        foreach (var entry in ks.Entries)
        {
            var hash = ScanHash(entry.Key);
            if (hash >= position) candidates.Add((hash, entry));
        }
        candidates.Sort((x, y) => x.Hash.CompareTo(y.Hash));
        var keys = new List<CacheReply> { CacheReply.Zero };
        var taken = 0;
        long next = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (taken >= count && candidates[i].Hash != candidates[i - 1].Hash)
            {
                next = candidates[i].Hash;
                break;
            }
            taken++;
            var entry = candidates[i].Entry;
            if (entry.IsExpiredAt(ks.Now)) continue;
            if (!GlobPattern.MatchesAll(pattern) && !GlobPattern.IsMatch(pattern, entry.Key)) continue;
            if (type.Length > 0 && !Arg.Is(type, TypeName(entry.Value))) continue;
            keys.Add(CacheReply.Bulk(entry.Key));
        }
        keys[0] = CacheReply.Int(next);
        return CacheReply.Array([.. keys]);
    }

    public static uint ScanHash(byte[] key) => (uint)System.IO.Hashing.XxHash32.HashToUInt32(key);

    /// <summary>FLUSHALL or FLUSHDB; memcached's flush_all adds a second argument, <c>items</c> (see <see cref="CacheKeyspace.ClearItems"/>).</summary>
    public static CacheReply Flush(CacheKeyspace ks, byte[][] a)
    {
        if (a.Length == 2 && Arg.Is(a[1], "items")) ks.ClearItems();
        else ks.Clear();
        return CacheReply.Ok;
    }
}
