namespace DataTier.Tables;

/// <summary>What a caller asks for when creating a table; the catalog turns it into a <see cref="TableDescription"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record TableDefinition
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required TableKeySchema KeySchema { get; init; }
    [Id(2)] public required IReadOnlyList<KeyAttribute> AttributeDefinitions { get; init; }
    [Id(3)] public BillingMode BillingMode { get; init; } = BillingMode.PROVISIONED;
    [Id(4)] public long ReadCapacityUnits { get; init; }
    [Id(5)] public long WriteCapacityUnits { get; init; }
    [Id(6)] public StreamSpecification? Stream { get; init; }
    [Id(7)] public IReadOnlyList<LocalSecondaryIndex> LocalIndexes { get; init; } = [];
    [Id(8)] public IReadOnlyList<GlobalSecondaryIndex> GlobalIndexes { get; init; } = [];
    /// <summary>Tags given with CreateTable; <c>datatier:replicas</c> among them sets <see cref="ReplicaCount"/> when that is null.</summary>
    [Id(20)] public IReadOnlyDictionary<string, string>? Tags { get; init; }
    /// <summary>Read replicas of each partition (0 to 5); null for the silos' default (<c>Partitions:ReplicaCount</c>).</summary>
    [Id(21)] public int? ReplicaCount { get; init; }
    [Id(22)] public bool DeletionProtectionEnabled { get; init; }
    /// <summary>The table class asked for; null when CreateTable named none (STANDARD).</summary>
    [Id(23)] public TableClass? TableClass { get; init; }
    /// <summary>OnDemandThroughput, for a PAY_PER_REQUEST table.</summary>
    [Id(24)] public OnDemandThroughput? OnDemandThroughput { get; init; }
    [Id(25)] public WarmThroughput? WarmThroughput { get; init; }
}
