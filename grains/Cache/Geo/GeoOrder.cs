namespace DataTier.Cache.Geo;

/// <summary>
/// Ordering search results by distance as Redis does, so that equal distances come out in the same order: all of them
/// by glibc's qsort (a stable top-down merge sort), or, when COUNT keeps fewer, only the first ones by Redis' partial
/// quicksort (Bentley and McIlroy's, skipping the parts past the kept ones).
/// </summary>
public static class GeoOrder
{
    public static void Sort(GeoPoint[] points, bool descending, int kept)
    {
        Comparison<GeoPoint> compare = descending ? (x, y) => -Ascending(x, y) : Ascending;
        if (kept >= points.Length) MergeSort(points, new GeoPoint[points.Length], 0, points.Length, compare);
        else if (kept > 0) Commands.PartialQuickSort.Sort(points, compare, 0, kept - 1);
    }

    // Never NaN-aware: a NaN distance is "less" than anything, as Redis' comparison makes it.
    private static int Ascending(GeoPoint x, GeoPoint y) => x.Distance > y.Distance ? 1 : x.Distance == y.Distance ? 0 : -1;

    private static void MergeSort(GeoPoint[] items, GeoPoint[] scratch, int start, int count, Comparison<GeoPoint> compare)
    {
        if (count <= 1) return;
        var leftCount = count / 2;
        MergeSort(items, scratch, start, leftCount, compare);
        MergeSort(items, scratch, start + leftCount, count - leftCount, compare);
        int left = start, right = start + leftCount, leftEnd = right, end = start + count, written = 0;
        while (left < leftEnd && right < end) scratch[written++] = compare(items[left], items[right]) <= 0 ? items[left++] : items[right++];
        while (left < leftEnd) scratch[written++] = items[left++];
        Array.Copy(scratch, 0, items, start, written);
    }
}
