namespace DataTier.Store;

/// <summary>Reads of a whole key range in pages, each page starting after the last position of the one before.</summary>
public static class TableStorePaging
{
    /// <summary>
    /// The items of <paramref name="range"/> (the entries of local index <paramref name="index"/>, when given) in
    /// position order, <paramref name="pageSize"/> at a time; the last page may be empty. Items written or deleted
    /// behind the pages already read do not disturb the ones ahead.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<StoredItem>> PagesAsync(this ITableStore store, Guid tableId, KeyRange range, int pageSize,
        string? index = null)
    {
        while (true)
        {
            var page = index is null
                ? await store.ReadRangeAsync(tableId, range, false, pageSize)
                : await store.ReadIndexRangeAsync(tableId, index, range, false, pageSize);
            yield return page;
            if (page.Count < pageSize) yield break;
            range = range with { Start = page[^1].Position, StartInclusive = false };
        }
    }

    /// <summary>How many items (or local index entries) <paramref name="range"/> holds, and their size by DynamoDB's rules.</summary>
    public static async Task<(long Count, long Bytes)> CountByPagesAsync(this ITableStore store, Guid tableId, KeyRange range, string? index = null)
    {
        long count = 0, bytes = 0;
        await foreach (var page in store.PagesAsync(tableId, range, PageSize, index))
        {
            count += page.Count;
            bytes += page.Sum(item => (long)Model.ItemSize.Of(item.Attributes));
        }
        return (count, bytes);
    }

    /// <summary>Copies every item of table id <paramref name="from"/> to the empty table id <paramref name="to"/>, with its version.</summary>
    public static async Task CopyAsync(this ITableStore store, Guid from, Guid to)
    {
        await foreach (var page in store.PagesAsync(from, KeyRange.All, PageSize))
            foreach (var chunk in page.Chunk(WritesPerBatch))
                await store.WriteAsync(to, [.. chunk.Select(i => new ItemWrite(i.Position, 0, i.Version, i.Attributes))]);
    }

    private const int PageSize = 1000;
    private const int WritesPerBatch = 100;
}
