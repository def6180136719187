namespace DataTier.Cache.Commands.Reference;

/// <summary>A key specification's begin_search: where in a call the search for its keys starts.</summary>
public abstract record KeySearch(string Type)
{
    /// <summary>The position of the first key, or null when this search finds no place in the call.</summary>
    public abstract int? Start(byte[][] a);

    /// <summary>The spec map's fields (name, integer or text value), as COMMAND INFO lists them.</summary>
    public abstract (string Name, object Value)[] Fields { get; }
}
