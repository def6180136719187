namespace DataTier.Cache.Commands.Reference;

/// <summary>A key specification's find_keys: which arguments, from where the search began, are keys.</summary>
public abstract record KeyFind(string Type)
{
    public abstract IEnumerable<int> Positions(byte[][] a, int start);

    /// <summary>The spec map's fields, as COMMAND INFO lists them.</summary>
    public abstract (string Name, int Value)[] Fields { get; }

    protected static IEnumerable<int> Every(int step, int from, int to)
    {
        for (var i = from; i <= to; i += Math.Max(step, 1)) yield return i;
    }
}
