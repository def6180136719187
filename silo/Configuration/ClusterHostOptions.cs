namespace DataTier.Silo.Configuration;

/// <summary>The silo's place in the Orleans cluster (section <c>Orleans</c>).</summary>
public sealed class ClusterHostOptions
{
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "dev";
    public string ServiceId { get; set; } = "datatier";

    /// <summary>
    /// Run as a Kubernetes pod (Microsoft.Orleans.Hosting.Kubernetes): silo name, advertised address and
    /// cluster ids from the <c>POD_*</c> and <c>ORLEANS_*</c> environment variables, listening on every
    /// interface, and silos whose pods are gone declared dead. Off by default.
    /// </summary>
    public bool Kubernetes { get; set; }

    public void Validate()
    {
        if (SiloPort is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(SiloPort), "must be a TCP port, 1 to 65535");
        if (string.IsNullOrWhiteSpace(ClusterId)) throw new ArgumentException("must be set", nameof(ClusterId));
        if (string.IsNullOrWhiteSpace(ServiceId)) throw new ArgumentException("must be set", nameof(ServiceId));
    }
}
