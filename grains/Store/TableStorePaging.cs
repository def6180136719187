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
}
