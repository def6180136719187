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

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new ArgumentException("must be set", nameof(Path));
    }
}
