namespace DataTier.Recovery;

/// <summary>What one page of seeding a partition's recovery log did: where to go on from (null: done), and the time its records carry.</summary>
[GenerateSerializer, Immutable]
public sealed record RecoverySeedPage([property: Id(0)] byte[]? Next, [property: Id(1)] DateTimeOffset LoggedAt);
