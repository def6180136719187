namespace DataTier.Cache.Commands;

/// <summary>
/// memcached 1.6's default slab classes (-n 48, -f 1.25, 1 MB pages, chunks up to half a page) and the size memcached gives
/// an item, so that <c>stats items</c> and <c>stats slabs</c> classify the stored strings as memcached would hold them.
/// </summary>
public static class MemcachedSlabClasses
{
    public const int PageSize = 1024 * 1024;

    /// <summary>The largest chunk; a larger item is cut into chunks (memcached's slab_chunk_max).</summary>
    public const int ChunkMax = PageSize / 2;

    /// <summary>sizeof(item) on a 64-bit memcached: three pointers, times, lengths, flags, class and key length.</summary>
    private const int ItemHeader = 48;

    /// <summary>sizeof(item_chunk): the header of each chunk of a chunked item.</summary>
    private const int ChunkHeader = 48;

    private const int CasBytes = 8;

    /// <summary>The chunk size of each class, by class id (index 0 unused, as memcached's class 0).</summary>
    private static readonly int[] Sizes = Build();

    /// <summary>The last class id (39 with the defaults).</summary>
    public static int Largest => Sizes.Length - 1;

    public static int ChunkSize(int id) => Sizes[id];

    public static int ChunksPerPage(int id) => PageSize / Sizes[id];

    private static int[] Build()
    {
        var sizes = new List<int> { 0 };
        // memcached's slabs_init: an unsigned size, aligned to 8, times the factor (truncated) until it reaches the last class.
        for (uint size = ItemHeader + 48; size < ChunkMax / 1.25; size = (uint)(size * 1.25))
        {
            if (size % 8 != 0) size += 8 - size % 8;
            sizes.Add((int)size);
        }
        sizes.Add(ChunkMax);
        return [.. sizes];
    }

    /// <summary>memcached's ITEM_ntotal: header, key and its terminator, the flags when not 0, the value with its CRLF, the CAS.</summary>
    public static long ItemSize(int keyLength, uint flags, int valueLength) =>
        ItemHeader + keyLength + 1 + (flags != 0 ? 4 : 0) + valueLength + 2L + CasBytes;

    /// <summary>memcached's slabs_clsid: the smallest class whose chunks hold the size (the largest for anything bigger).</summary>
    public static int ClassOf(long size)
    {
        for (var id = 1; id < Largest; id++)
            if (size <= Sizes[id]) return id;
        return Largest;
    }

    /// <summary>
    /// The class of each chunk memcached takes for an item: one chunk of its own class, or for an item larger than
    /// <see cref="ChunkMax"/> a header chunk and then chunks of at most <see cref="ChunkMax"/> for the value, the last one
    /// of the class that fits what remains.
    /// </summary>
    public static IEnumerable<int> ChunkClasses(int keyLength, uint flags, int valueLength)
    {
        var size = ItemSize(keyLength, flags, valueLength);
        if (size <= ChunkMax)
        {
            yield return ClassOf(size);
            yield break;
        }
        yield return ClassOf(keyLength + 1 + (flags != 0 ? 4 : 0) + ItemHeader + ChunkHeader + CasBytes);
        for (long remaining = valueLength + 2L; remaining > 0;)
        {
            var chunk = Math.Min(remaining + ChunkHeader, ChunkMax);
            yield return ClassOf(chunk);
            remaining -= chunk - ChunkHeader;
        }
    }
}
