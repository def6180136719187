namespace DataTier.Silo.Memcached;

/// <summary>Where the memcached text-protocol endpoint listens (section <c>Endpoints:Memcached</c>).</summary>
public sealed class MemcachedEndpointOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind: loopback by default; 0.0.0.0 to accept connections from other hosts.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 11211;

    /// <summary>The largest value a client may store (memcached's item size limit, 1 MB by default).</summary>
    public int MaxValueBytes { get; set; } = 1024 * 1024;

    public void Validate()
    {
        if (!System.Net.IPAddress.TryParse(Address, out _)) throw new ArgumentException($"Endpoints:Memcached:Address '{Address}' is not an IP address");
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), "Endpoints:Memcached:Port must be a TCP port");
        if (MaxValueBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxValueBytes), "Endpoints:Memcached:MaxValueBytes must be positive");
    }
}
