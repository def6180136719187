namespace DataTier.Silo.Resp;

/// <summary>Where the RESP (Redis protocol) endpoint listens (section <c>Endpoints:Resp</c>).</summary>
public sealed class RespEndpointOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind: loopback by default; 0.0.0.0 to accept connections from other hosts.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 6379;

    /// <summary>The largest request (one command with its arguments) a client may send, as Redis' <c>proto-max-bulk-len</c> bounds an argument.</summary>
    public int MaxRequestBytes { get; set; } = 512 * 1024 * 1024;

    /// <summary>
    /// Answer as a Redis Cluster (as ElastiCache with cluster mode enabled): CLUSTER SLOTS, SHARDS and NODES name each
    /// silo's RESP endpoint and the slots it owns, so cluster clients send each command to its key's owner; INFO and
    /// HELLO say <c>cluster</c>. Off: CLUSTER answers as a standalone Redis (cluster support disabled).
    /// </summary>
    public bool ClusterMode { get; set; }

    /// <summary>The address cluster clients are told to reach this silo at; by default <see cref="Address"/>, or the silo's own address when that is 0.0.0.0 or ::.</summary>
    public string? AnnounceAddress { get; set; }

    /// <summary>The port cluster clients are told to reach this silo at; by default the port the endpoint listens on.</summary>
    public int? AnnouncePort { get; set; }

    public void Validate()
    {
        if (AnnounceAddress is { Length: 0 }) throw new ArgumentException("Endpoints:Resp:AnnounceAddress must not be empty");
        if (AnnouncePort is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(AnnouncePort), "must be a TCP port");
        if (!System.Net.IPAddress.TryParse(Address, out _)) throw new ArgumentException($"Endpoints:Resp:Address '{Address}' is not an IP address");
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), "must be a TCP port");
        if (MaxRequestBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), "must be positive");
    }
}
