using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Replication;

/// <summary>One key's state after a change on the owner: its entry, or null when the key is gone (deleted, expired or evicted).</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaChange([property: Id(0)] byte[] Key, [property: Id(1)] EntrySnapshot? Entry);
