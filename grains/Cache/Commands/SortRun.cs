namespace DataTier.Cache.Commands;

/// <summary>
/// SORT's ordering and output over loaded elements, wherever the keys its patterns name are read from (<c>read</c>:
/// a string key's value, or a hash field's; null when absent or of another type).
/// </summary>
public static class SortRun
{
    public static readonly CacheReply NotNumbers = CacheReply.Error("ERR One or more scores can't be converted into double");

    /// <summary>The elements in SORT's order, or its error when a weight is not a number.</summary>
    public static CacheReply? Order(SortArgs args, SortInput input, Func<byte[], byte[]?, byte[]?> read, out byte[][] ordered)
    {
        ordered = input.Elements;
        if (args.DontSort) return null;
        var items = input.Elements.Select(e => new SortItem(e)).ToArray();
        var notNumbers = false;
        foreach (var item in items)
        {
            var weight = args.By is null ? item.Element : Value(args.By, item.Element, read);
            if (weight is null) continue;
            if (args.Alpha) item.By = args.By is null ? null : weight;
            else if (SortScore.TryParse(weight, out var score)) item.Score = score;
            else notNumbers = true;
        }
        if (notNumbers) return NotNumbers;
        var compare = Comparison(args);
        // Redis sorts with libc's qsort (glibc's merge sort: stable), and with its partial quicksort when BY and LIMIT narrow the range.
        if (args.By is not null && (input.Start != 0 || input.End != items.Length - 1)) PartialQuickSort.Sort(items, compare, input.Start, input.End);
        else items = [.. items.Order(Comparer<SortItem>.Create(compare))];
        ordered = items.Select(i => i.Element).ToArray();
        return null;
    }

    /// <summary>
    /// Redis' sortCompare: numbers by weight, equal weights by the elements' bytes; ALPHA by the BY values' bytes (an
    /// absent one first, equal ones tied) or else by the elements'. DESC reverses the comparison, so ties stay tied.
    /// </summary>
    private static Comparison<SortItem> Comparison(SortArgs args)
    {
        var sign = args.Descending ? -1 : 1;
        if (!args.Alpha) return (x, y) => sign * (x.Score > y.Score ? 1 : x.Score < y.Score ? -1 : Bytes(x.Element, y.Element));
        if (args.By is null) return (x, y) => sign * Bytes(x.Element, y.Element);
        return (x, y) => sign * (x.By is null || y.By is null ? (x.By is null ? 0 : 1) - (y.By is null ? 0 : 1) : Bytes(x.By, y.By));
    }

    private static int Bytes(byte[] x, byte[] y) => Math.Sign(x.AsSpan().SequenceCompareTo(y));

    /// <summary>The result: positions start to end of the ordered elements, each as itself or as the values of the GET patterns.</summary>
    public static List<byte[]?> Output(SortArgs args, byte[][] ordered, long start, long end, Func<byte[], byte[]?, byte[]?> read)
    {
        var output = new List<byte[]?>();
        for (var j = start; j <= end; j++)
        {
            var element = ordered[j];
            if (args.Gets.Count == 0) output.Add(element);
            foreach (var pattern in args.Gets) output.Add(Value(pattern, element, read));
        }
        return output;
    }

    /// <summary>The value a pattern gives for an element: the element for <c>#</c>, the named key's or field's value, or null.</summary>
    public static byte[]? Value(byte[] pattern, byte[] element, Func<byte[], byte[]?, byte[]?> read) =>
        SortPattern.IsElement(pattern) ? element : SortPattern.Target(pattern, element) is { } target ? read(target.Key, target.Field) : null;

    public static CacheReply Reply(List<byte[]?> output) => CacheReply.Array(output.Select(CacheReply.Bulk).ToArray());
}
