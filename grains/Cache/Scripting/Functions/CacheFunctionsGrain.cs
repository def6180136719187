using DataTier.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Scripting.Functions;

public sealed partial class CacheFunctionsGrain(IClusterMembershipService membership, IServiceProvider services, ILogger<CacheFunctionsGrain> logger)
    : Grain, ICacheFunctionsGrain
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    private FunctionLibraries _libraries = new(Guid.NewGuid(), 0, []);

    /// <summary>Where the libraries are kept; none on a cache-only silo without a table store (they live in memory only).</summary>
    private readonly FunctionLibraryStore? _store = services.GetService<ITableStore>() is { } store ? new FunctionLibraryStore(store) : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_store is not null) _libraries = _libraries.With(0, await _store.LoadAsync());
    }

    public Task<FunctionLibraries> GetLibraries() => Task.FromResult(_libraries);

    public Task<FunctionChange> Load(FunctionLibrary library, bool replace)
    {
        var old = _libraries.Library(library.Name);
        if (old is not null && !replace) return Refuse($"ERR Library '{library.Name}' already exists");
        var others = _libraries.Libraries.Where(l => l != old).ToList();
        return Collision(others, [library]) is { } error ? Refuse(error) : ChangeAsync([.. others, library]);
    }

    public Task<FunctionChange> Delete(string name) =>
        _libraries.Library(name) is { } found ? ChangeAsync(_libraries.Libraries.Where(l => l != found)) : Refuse("ERR Library not found");

    public Task<FunctionChange> Flush() => ChangeAsync([]);

    public Task<FunctionChange> Restore(FunctionLibrary[] libraries, RestorePolicy policy)
    {
        if (policy == RestorePolicy.Flush) return ChangeAsync(libraries);
        var names = libraries.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        if (policy == RestorePolicy.Append && _libraries.Libraries.FirstOrDefault(l => names.Contains(l.Name)) is { } existing)
            return Refuse($"ERR Library {existing.Name} already exists");
        var kept = _libraries.Libraries.Where(l => !names.Contains(l.Name)).ToList();
        return Collision(kept, libraries) is { } error ? Refuse(error) : ChangeAsync([.. kept, .. libraries]);
    }

    /// <summary>The error for a function of <paramref name="added"/> that one of <paramref name="kept"/> registered already (names compared ignoring case, as Redis does).</summary>
    private static string? Collision(IEnumerable<FunctionLibrary> kept, IEnumerable<FunctionLibrary> added)
    {
        var taken = kept.SelectMany(l => l.Functions).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return added.SelectMany(l => l.Functions).FirstOrDefault(f => taken.Contains(f.Name)) is { } clash ? $"ERR Function {clash.Name} already exists" : null;
    }

    private Task<FunctionChange> Refuse(string error) => Task.FromResult(new FunctionChange(error, _libraries));

    private async Task<FunctionChange> ChangeAsync(IEnumerable<FunctionLibrary> libraries)
    {
        _libraries = _libraries.With(_libraries.Version + 1, libraries);
        await SaveAsync();
        await PushAsync(_libraries);
        return new FunctionChange(null, _libraries);
    }

    private async Task SaveAsync()
    {
        if (_store is null) return;
        try
        {
            await _store.SaveAsync(_libraries.Libraries);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change stands in memory (as a Redis whose AOF write failed keeps serving it); the next one saves it too.
            LogSaveFailed(logger, e);
        }
    }

    /// <summary>Hands the libraries to every active silo and waits for them, so they are everywhere when the change answers.</summary>
    private async Task PushAsync(FunctionLibraries libraries)
    {
        var pushes = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(async m =>
            {
                try
                {
                    await GrainFactory.GetGrain<ISiloFunctionsGrain>(m.SiloAddress.ToParsableString()).Update(libraries).WaitAsync(PushTimeout);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogPushFailed(logger, m.SiloAddress, e);
                }
            });
        await Task.WhenAll(pushes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the function libraries failed")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing the function libraries to silo {Silo} failed")]
    private static partial void LogPushFailed(ILogger logger, SiloAddress silo, Exception exception);
}
