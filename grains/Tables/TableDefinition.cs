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
}
