namespace DataTier.Tables;

/// <summary>
/// What UpdateTable may change here: billing mode, provisioned throughput, the stream and global
/// secondary indexes, the read replicas of each partition, deletion protection, the table class, its on-demand maxima and warm throughput (null: unchanged); <paramref name="AttributeDefinitions"/>
/// type new indexes' keys.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TableUpdate(
    [property: Id(0)] BillingMode? BillingMode,
    [property: Id(1)] long? ReadCapacityUnits,
    [property: Id(2)] long? WriteCapacityUnits,
    [property: Id(3)] StreamSpecification? Stream = null,
    [property: Id(4)] IReadOnlyList<GlobalIndexUpdate>? IndexUpdates = null,
    [property: Id(5)] IReadOnlyList<KeyAttribute>? AttributeDefinitions = null,
    [property: Id(20)] int? ReplicaCount = null,
    [property: Id(21)] bool? DeletionProtectionEnabled = null,
    [property: Id(22)] TableClass? TableClass = null,
    [property: Id(23)] OnDemandThroughput? OnDemandThroughput = null,
    [property: Id(24)] WarmThroughput? WarmThroughput = null);
