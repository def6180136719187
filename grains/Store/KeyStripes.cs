namespace DataTier.Store;

/// <summary>
/// Striped locks that make a version check and the write after it one atomic step. A batch takes
/// the stripes of all its keys in ascending order, so two batches never deadlock.
/// </summary>
internal sealed class KeyStripes
{
    private readonly object[] _locks;

    public KeyStripes(int count)
    {
        _locks = new object[count];
        for (var i = 0; i < count; i++) _locks[i] = new object();
    }

    public int[] StripesOf(IReadOnlyList<ItemWrite> writes)
    {
        var stripes = new SortedSet<int>();
        foreach (var w in writes) stripes.Add((int)(System.IO.Hashing.XxHash32.HashToUInt32(w.Position) % (uint)_locks.Length));
        return [.. stripes];
    }

    public void Enter(int[] stripes)
    {
        foreach (var s in stripes) Monitor.Enter(_locks[s]);
    }

    public void Exit(int[] stripes)
    {
        for (var i = stripes.Length - 1; i >= 0; i--) Monitor.Exit(_locks[stripes[i]]);
    }
}
