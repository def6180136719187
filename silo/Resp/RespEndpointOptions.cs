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

    public void Validate()
    {
        if (!System.Net.IPAddress.TryParse(Address, out _)) throw new ArgumentException($"Endpoints:Resp:Address '{Address}' is not an IP address");
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), "must be a TCP port");
        if (MaxRequestBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), "must be positive");
    }
}
