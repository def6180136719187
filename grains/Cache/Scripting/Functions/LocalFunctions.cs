using System.Diagnostics;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// This silo's copy of the cluster's function libraries, kept current by the registry (<see cref="ICacheFunctionsGrain"/>),
/// which hands every change to each silo before it answers; read from the registry the first time it is needed, and
/// again in the background when it is used after <see cref="RecheckAfter"/> (a silo that missed a change, its silo
/// unreachable for the registry a moment, catches up then).
/// </summary>
public sealed class LocalFunctions(IGrainFactory grains)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private FunctionLibraries? _current;
    private long _checkedAt;
    private int _checking;

    public ICacheFunctionsGrain Registry => grains.GetGrain<ICacheFunctionsGrain>(0);

    public async ValueTask<FunctionLibraries> CurrentAsync()
    {
        if (Volatile.Read(ref _current) is not { } current)
        {
            await RecheckAsync();
            return _current!;
        }
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _checkedAt)) > RecheckAfter && Interlocked.Exchange(ref _checking, 1) == 0)
            _ = Task.Run(async () =>
            {
                try
                {
                    await RecheckAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The registry is out of reach for now: the copy stands, and the next use tries again.
                }
                finally
                {
                    Volatile.Write(ref _checking, 0);
                }
            });
        return current;
    }

    private async Task RecheckAsync()
    {
        var started = Stopwatch.GetTimestamp();
        Apply(await Registry.GetLibraries());
        Interlocked.Exchange(ref _checkedAt, started);
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
