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
        if (writes.Count == 1) return [StripeOf(writes[0].Position)];
        var stripes = new SortedSet<int>();
        foreach (var w in writes) stripes.Add(StripeOf(w.Position));
        return [.. stripes];
    }

    private int StripeOf(byte[] position) => (int)(System.IO.Hashing.XxHash32.HashToUInt32(position) % (uint)_locks.Length);

    public void Enter(int[] stripes)
    {
        foreach (var s in stripes) Monitor.Enter(_locks[s]);
    }

    public void Exit(int[] stripes)
    {
        for (var i = stripes.Length - 1; i >= 0; i--) Monitor.Exit(_locks[stripes[i]]);
    }

    public void EnterAll()
    {
        foreach (var l in _locks) Monitor.Enter(l);
    }

    public void ExitAll()
    {
        for (var i = _locks.Length - 1; i >= 0; i--) Monitor.Exit(_locks[i]);
    }
}
