namespace DataTier.Silo.Configuration;

public enum StoreKind
{
    RocksDb,
    InMemory,
    DynamoDb,
}

/// <summary>Which durable store the silo uses (section <c>Store</c>; <c>Store:RocksDb</c> and <c>Store:DynamoDb</c> hold each store's settings).</summary>
public sealed class StoreHostOptions
{
    public StoreKind Kind { get; set; } = StoreKind.RocksDb;
}
