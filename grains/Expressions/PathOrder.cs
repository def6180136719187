namespace DataTier.Expressions;

/// <summary>
/// Orders document paths step by step: map keys by ordinal, list indexes by value, a path before the paths
/// below it. UpdateApplier uses it so that list indexes always mean the item as it was before the update.
/// </summary>
internal sealed class PathOrder : IComparer<IReadOnlyList<PathElement>>
{
    public static readonly PathOrder Instance = new();

    public int Compare(IReadOnlyList<PathElement>? x, IReadOnlyList<PathElement>? y)
    {
        for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
        {
            var (a, b) = (x[i], y[i]);
            var order = (a.Name, b.Name) switch
            {
                (null, null) => a.Index.CompareTo(b.Index),
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(a.Name, b.Name),
            };
            if (order != 0) return order;
        }
        return x.Count.CompareTo(y.Count);
    }
}
