using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Replication;

/// <summary>
/// One per silo, keyed by the silo's address: answers for the replicas active on that silo without
/// going through the grain directory. When a silo dies, the directory entries it held are gone, and a
/// call to a replica by its grain id may then activate an empty one elsewhere while the copy with the
/// keys still lives on its old silo; promotion asks every silo this way instead.
/// </summary>
public interface ICacheReplicaLocatorGrain : IGrainWithStringKey
{
    /// <summary>The state of this silo's replica with the key, or null when it has none.</summary>
    Task<ReplicaState?> Find(string replicaKey);

    /// <summary>The keys of this silo's replica with the key, or null when it has none.</summary>
    Task<List<EntrySnapshot>?> Export(string replicaKey);

    /// <summary>Deactivates this silo's replica with the key (its shard has taken its keys and will send a full copy where it belongs).</summary>
    Task Retire(string replicaKey);
}
