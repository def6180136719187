using DataTier.Cache.PubSub;
using Microsoft.Extensions.DependencyInjection;

namespace DataTier.Cache.Topology;

[SiloLocalPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class CacheNodeGrain(IServiceProvider services, ILocalSiloDetails silo) : Grain, ICacheNodeGrain
{
    public Task<CacheNode?> Describe() => Task.FromResult(
        this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString() ? services.GetService<ICacheNodeEndpoint>()?.Describe() : null);
}
