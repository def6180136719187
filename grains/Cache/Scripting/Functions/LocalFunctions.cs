namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// This silo's copy of the cluster's function libraries, kept current by the registry (<see cref="ICacheFunctionsGrain"/>),
/// which hands every change to each silo before it answers; read from the registry the first time it is needed.
/// </summary>
public sealed class LocalFunctions(IGrainFactory grains)
{
    private FunctionLibraries? _current;

    public ICacheFunctionsGrain Registry => grains.GetGrain<ICacheFunctionsGrain>(0);

    public async ValueTask<FunctionLibraries> CurrentAsync()
    {
        if (Volatile.Read(ref _current) is { } current) return current;
        Apply(await Registry.GetLibraries());
        return _current!;
    }

    /// <summary>Takes the libraries unless this silo already has a later version of them.</summary>
    public void Apply(FunctionLibraries libraries)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current is not null && !libraries.Supersedes(current)) return;
            if (Interlocked.CompareExchange(ref _current, libraries, current) == current) return;
        }
    }
}
