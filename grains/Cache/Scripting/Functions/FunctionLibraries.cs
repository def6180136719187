using System.Diagnostics.CodeAnalysis;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// Every library of the cluster at one version, as the registry (<see cref="ICacheFunctionsGrain"/>) hands it to the
/// silos. The registry's epoch changes when it starts afresh, so a silo takes a new epoch's libraries whatever their version.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class FunctionLibraries(Guid epoch, long version, FunctionLibrary[] libraries)
{
    public static readonly FunctionLibraries None = new(Guid.Empty, 0, []);

    [Id(0)] public Guid Epoch { get; } = epoch;

    [Id(1)] public long Version { get; } = version;

    /// <summary>Sorted by name.</summary>
    [Id(2)] public FunctionLibrary[] Libraries { get; } = libraries;

    [NonSerialized] private Dictionary<string, (FunctionLibrary, FunctionInfo)>? _functions;

    public int FunctionCount => Libraries.Sum(l => l.Functions.Length);

    public FunctionLibrary? Library(string name) => Array.Find(Libraries, l => l.Name == name);

    /// <summary>The function of this name and the library that registered it.</summary>
    public bool TryFind(string function, [MaybeNullWhen(false)] out FunctionLibrary library, [MaybeNullWhen(false)] out FunctionInfo info)
    {
        _functions ??= Index(Libraries);
        var found = _functions.TryGetValue(function, out var pair);
        (library, info) = pair;
        return found;
    }

    /// <summary>Functions by name, which Redis compares ignoring case across libraries (a library may hold names differing in case only; the first is found).</summary>
    private static Dictionary<string, (FunctionLibrary, FunctionInfo)> Index(FunctionLibrary[] libraries)
    {
        var index = new Dictionary<string, (FunctionLibrary, FunctionInfo)>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in libraries)
            foreach (var function in library.Functions) index.TryAdd(function.Name, (library, function));
        return index;
    }

    /// <summary>Whether these libraries should replace <paramref name="current"/> on a silo.</summary>
    public bool Supersedes(FunctionLibraries current) => Epoch != current.Epoch || Version > current.Version;

    public FunctionLibraries With(long version, IEnumerable<FunctionLibrary> libraries) =>
        new(Epoch, version, [.. libraries.OrderBy(l => l.Name, StringComparer.Ordinal)]);
}
