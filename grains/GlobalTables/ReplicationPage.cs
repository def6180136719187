namespace DataTier.GlobalTables;

/// <summary>A page of a partition's items with their stamps, for a new replica; <paramref name="Next"/> is null after the last.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicationPage([property: Id(0)] IReadOnlyList<ReplicatedWrite> Writes, [property: Id(1)] byte[]? Next);
