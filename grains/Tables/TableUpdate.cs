namespace DataTier.Tables;

/// <summary>What UpdateTable may change here: billing mode, provisioned throughput and the stream (null: unchanged).</summary>
[GenerateSerializer, Immutable]
public sealed record TableUpdate(
    [property: Id(0)] BillingMode? BillingMode,
    [property: Id(1)] long? ReadCapacityUnits,
    [property: Id(2)] long? WriteCapacityUnits,
    [property: Id(3)] StreamSpecification? Stream = null);
