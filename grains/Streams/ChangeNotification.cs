namespace DataTier.Streams;

/// <summary>Records a partition just stored in one stream's shard, published on its Orleans stream.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeNotification([property: Id(0)] string StreamLabel, [property: Id(1)] IReadOnlyList<StreamRecord> Records);
