namespace DataTier.Silo.Configuration;

public enum StoreKind
{
    RocksDb,
    InMemory,
}

/// <summary>Which durable store the silo uses (section <c>Store</c>; <c>Store:RocksDb</c> holds RocksDB's settings).</summary>
public sealed class StoreHostOptions
{
    public StoreKind Kind { get; set; } = StoreKind.RocksDb;
}
