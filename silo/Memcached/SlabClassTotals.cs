namespace DataTier.Silo.Memcached;

/// <summary>One memcached slab class summed over the shards (see <see cref="MemcachedSlabStats"/>).</summary>
internal sealed class SlabClassTotals
{
    public long Items { get; set; }

    public long Bytes { get; set; }

    /// <summary>Unix milliseconds of the last access of the class' least recently used item; 0 without items.</summary>
    public long OldestAccess { get; set; }

    /// <summary>The chunks of the class that items take (a chunked item's fall in several classes).</summary>
    public long Chunks { get; set; }
}
