using DataTier.Cache.PubSub;

namespace DataTier.Cache.Scripting.Functions;

[SiloLocalPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class SiloFunctionsGrain(LocalFunctions functions, ILocalSiloDetails silo) : Grain, ISiloFunctionsGrain
{
    public Task Update(FunctionLibraries libraries)
    {
        // Placed elsewhere because the silo it stands for has gone: nothing there to update.
        if (this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString()) functions.Apply(libraries);
        return Task.CompletedTask;
    }
}
