namespace DataTier.Store;

/// <summary>Settings of the embedded RocksDB store (section <c>Store:RocksDb</c>).</summary>
public sealed class RocksDbStoreOptions
{
    /// <summary>Directory of the database; created if missing.</summary>
    public string Path { get; set; } = "./data";

    /// <summary>
    /// fsync the write-ahead log before a write is acknowledged. Off by default: the WAL is always
    /// written, so acknowledged writes survive a process crash; only with this on do they also
    /// survive a power loss or kernel crash.
    /// </summary>
    public bool SyncWrites { get; set; }

    /// <summary>
    /// How many items' last written versions the store keeps in memory, so that a write's version check
    /// need not read the item back (about 100 bytes each). Items beyond it are checked against the database.
    /// </summary>
    public int WrittenVersions { get; set; } = 65_536;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new ArgumentException("must be set", nameof(Path));
        if (WrittenVersions < 0) throw new ArgumentException("must not be negative", nameof(WrittenVersions));
    }
}
