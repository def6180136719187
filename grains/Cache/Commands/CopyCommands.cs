using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>COPY with both keys on this shard: a deep copy of any value, with its expiry, in one step.</summary>
public static class CopyCommands
{
    public static CacheReply Copy(CacheKeyspace ks, byte[][] a)
    {
        if (CopyArgs.Parse(a, out var replace) is { } invalid) return invalid;
        var source = ks.Read(a[1]);
        if (source is null) return CacheReply.Zero;
        if (ks.Write(a[2]) is not null && !replace) return CacheReply.Zero;
        var copy = EntrySnapshot.Of(source).For(a[2], copy: true);
        // As Redis, the destination is deleted and added anew (its new event included), then copy_to.
        ks.Remove(a[2]);
        ks.Put(copy);
        ks.GenericEvent("copy_to", a[2]);
        return CacheReply.One;
    }
}
