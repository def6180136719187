using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Replication;

/// <summary>A replica active on this silo: its grain, and direct access to its copy (under the copy's gate) for promotion.</summary>
public sealed record LocalReplica(ICacheReplicaGrain Grain, Func<ReplicaState> State, Func<List<EntrySnapshot>> Export, Action Retire);
