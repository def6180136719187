using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Commands;

/// <summary>CLUSTER COUNTKEYSINSLOT and GETKEYSINSLOT on the shard that holds the slot (internal: KEYSINSLOT slot max; a negative max counts).</summary>
public static class SlotCommands
{
    public static CacheReply KeysInSlot(CacheKeyspace ks, byte[][] a)
    {
        CacheNumbers.TryParseLong(a[1], out var slot);
        CacheNumbers.TryParseLong(a[2], out var max);
        var keys = new List<CacheReply>();
        long count = 0;
        foreach (var entry in ks.Entries)
        {
            if (entry.IsExpiredAt(ks.Now) || SlotHash.SlotOf(entry.Key) != slot) continue;
            count++;
            if (max < 0) continue;
            if (keys.Count >= max) break;
            keys.Add(CacheReply.Bulk(entry.Key));
        }
        return max < 0 ? CacheReply.Int(count) : CacheReply.Array([.. keys]);
    }
}
