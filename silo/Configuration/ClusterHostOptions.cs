namespace DataTier.Silo.Configuration;

/// <summary>The silo's place in the Orleans cluster (section <c>Orleans</c>).</summary>
public sealed class ClusterHostOptions
{
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "dev";
    public string ServiceId { get; set; } = "datatier";
}
