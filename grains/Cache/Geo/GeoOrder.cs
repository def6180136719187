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
        else if (kept > 0) PartialQuickSort(points, 0, points.Length, compare, kept - 1);
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

    /// <summary>Sorts items[start, start + count) far enough that positions up to <paramref name="lastKept"/> hold what a full sort would put there.</summary>
    private static void PartialQuickSort(GeoPoint[] a, int start, int count, Comparison<GeoPoint> compare, int lastKept)
    {
        while (true)
        {
            if (count < 7)
            {
                for (var m = start + 1; m < start + count; m++)
                    for (var l = m; l > start && compare(a[l - 1], a[l]) > 0; l--) Swap(a, l, l - 1);
                return;
            }
            var pivot = PickPivot(a, start, count, compare);
            Swap(a, start, pivot);
            // Partition into [equal | less | ... | greater | equal], then move the equal runs to the middle.
            int lessEnd = start + 1, scan = lessEnd, back = start + count - 1, greaterStart = back;
            while (true)
            {
                int c;
                while (scan <= back && (c = compare(a[scan], a[start])) <= 0)
                {
                    if (c == 0) Swap(a, lessEnd++, scan);
                    scan++;
                }
                while (scan <= back && (c = compare(a[back], a[start])) >= 0)
                {
                    if (c == 0) Swap(a, back, greaterStart--);
                    back--;
                }
                if (scan > back) break;
                Swap(a, scan++, back--);
            }
            var end = start + count;
            var run = Math.Min(lessEnd - start, scan - lessEnd);
            SwapRuns(a, start, scan - run, run);
            run = Math.Min(greaterStart - back, end - greaterStart - 1);
            SwapRuns(a, scan, end - run, run);
            var lessCount = scan - lessEnd;
            if (lessCount > 1 && Holds(start, lessCount, lastKept)) PartialQuickSort(a, start, lessCount, compare, lastKept);
            var greaterCount = greaterStart - back;
            if (greaterCount <= 1 || !Holds(end - greaterCount, greaterCount, lastKept)) return;
            start = end - greaterCount;
            count = greaterCount;
        }
    }

    /// <summary>Whether a part overlaps the kept positions (from 0 to <paramref name="lastKept"/>).</summary>
    private static bool Holds(int start, int count, int lastKept) => lastKept >= start;

    private static int PickPivot(GeoPoint[] a, int start, int count, Comparison<GeoPoint> compare)
    {
        var middle = start + count / 2;
        if (count == 7) return middle;
        int low = start, high = start + count - 1;
        if (count > 40)
        {
            var d = count / 8;
            low = MedianOfThree(a, low, low + d, low + 2 * d, compare);
            middle = MedianOfThree(a, middle - d, middle, middle + d, compare);
            high = MedianOfThree(a, high - 2 * d, high - d, high, compare);
        }
        return MedianOfThree(a, low, middle, high, compare);
    }

    private static int MedianOfThree(GeoPoint[] a, int x, int y, int z, Comparison<GeoPoint> compare) =>
        compare(a[x], a[y]) < 0
            ? compare(a[y], a[z]) < 0 ? y : compare(a[x], a[z]) < 0 ? z : x
            : compare(a[y], a[z]) > 0 ? y : compare(a[x], a[z]) < 0 ? x : z;

    private static void Swap(GeoPoint[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);

    private static void SwapRuns(GeoPoint[] a, int i, int j, int count)
    {
        for (var k = 0; k < count; k++) Swap(a, i + k, j + k);
    }
}
