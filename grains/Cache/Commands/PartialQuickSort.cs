namespace DataTier.Cache.Commands;

/// <summary>
/// Bentley and McIlroy's quicksort ("Engineering a Sort Function", 1993: median of three or Tukey's ninther as pivot,
/// elements equal to the pivot gathered at both ends and swapped to the middle, insertion sort below 7 elements) that
/// skips the partitions outside a range of positions, as Redis sorts for SORT ... LIMIT and GEOSEARCH ... COUNT. Not
/// stable: elements that compare equal end in the order this exact sequence of swaps leaves them, which is what Redis
/// returns for ties.
/// </summary>
public static class PartialQuickSort
{
    /// <summary>Sorts <paramref name="items"/> enough that positions <paramref name="first"/> to <paramref name="last"/> hold what a full sort would put there.</summary>
    public static void Sort<T>(T[] items, Comparison<T> compare, long first, long last) => Sort(items, 0, items.Length, compare, first, last);

    private static void Sort<T>(T[] v, int a, int n, Comparison<T> cmp, long first, long last)
    {
        while (true)
        {
            if (n < 7)
            {
                for (var m = a + 1; m < a + n; m++)
                    for (var l = m; l > a && cmp(v[l - 1], v[l]) > 0; l--) Swap(v, l, l - 1);
                return;
            }
            var pm = a + n / 2;
            if (n > 7)
            {
                var pl = a;
                var pn = a + n - 1;
                if (n > 40)
                {
                    var d = n / 8;
                    pl = Median(v, pl, pl + d, pl + 2 * d, cmp);
                    pm = Median(v, pm - d, pm, pm + d, cmp);
                    pn = Median(v, pn - 2 * d, pn - d, pn, cmp);
                }
                pm = Median(v, pl, pm, pn, cmp);
            }
            Swap(v, a, pm);
            int pa = a + 1, pb = a + 1, pc = a + n - 1, pd = a + n - 1;
            while (true)
            {
                int c;
                while (pb <= pc && (c = cmp(v[pb], v[a])) <= 0)
                {
                    if (c == 0) Swap(v, pa++, pb);
                    pb++;
                }
                while (pb <= pc && (c = cmp(v[pc], v[a])) >= 0)
                {
                    if (c == 0) Swap(v, pc, pd--);
                    pc--;
                }
                if (pb > pc) break;
                Swap(v, pb++, pc--);
            }
            var end = a + n;
            var r = Math.Min(pa - a, pb - pa);
            SwapRanges(v, a, pb - r, r);
            r = Math.Min(pd - pc, end - pd - 1);
            SwapRanges(v, pb, end - r, r);
            if ((r = pb - pa) > 1 && Overlaps(a, r, first, last)) Sort(v, a, r, cmp, first, last);
            if ((r = pd - pc) <= 1 || !Overlaps(end - r, r, first, last)) return;
            (a, n) = (end - r, r);
        }
    }

    /// <summary>Whether a partition may hold a position of the range (Redis' test, which also holds for an empty range).</summary>
    private static bool Overlaps(int start, int length, long first, long last) =>
        !((first < start && last < start) || (first >= start + length && last >= start + length));

    private static int Median<T>(T[] v, int a, int b, int c, Comparison<T> cmp) =>
        cmp(v[a], v[b]) < 0
            ? cmp(v[b], v[c]) < 0 ? b : cmp(v[a], v[c]) < 0 ? c : a
            : cmp(v[b], v[c]) > 0 ? b : cmp(v[a], v[c]) < 0 ? a : c;

    private static void Swap<T>(T[] v, int i, int j) => (v[i], v[j]) = (v[j], v[i]);

    private static void SwapRanges<T>(T[] v, int i, int j, int count)
    {
        for (var k = 0; k < count; k++) Swap(v, i + k, j + k);
    }
}
