using DataTier.Cache.Keyspace;
using DataTier.Cache.PubSub;

namespace DataTier.Cache.Replication;

[SiloLocalPlacement]
[Orleans.Concurrency.Reentrant]
public sealed class CacheReplicaLocatorGrain(LocalCacheReplicas replicas, ILocalSiloDetails silo) : Grain, ICacheReplicaLocatorGrain
{
    public Task<ReplicaState?> Find(string replicaKey) => Task.FromResult(Here(replicaKey)?.State());

    public Task<List<EntrySnapshot>?> Export(string replicaKey) => Task.FromResult(Here(replicaKey)?.Export());

    public Task Retire(string replicaKey)
    {
        Here(replicaKey)?.Retire();
        return Task.CompletedTask;
    }

    /// <summary>Placed elsewhere because the silo it stands for has gone: it knows no replicas then.</summary>
    private LocalReplica? Here(string replicaKey) =>
        this.GetPrimaryKeyString() == silo.SiloAddress.ToParsableString() ? replicas.Find(replicaKey) : null;
}
