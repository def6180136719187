namespace DataTier.Cache.Keyspace;

/// <summary>What a change under a shard's gate owes its blocked clients: the keys whose waiters to wake and the tickets whose turn has come.</summary>
public sealed record KeyWaiterSignals(List<byte[]>? Keys, List<Guid>? Tickets);
