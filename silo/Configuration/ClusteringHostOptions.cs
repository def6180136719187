namespace DataTier.Silo.Configuration;

/// <summary>Which membership provider the silo uses (section <c>Clustering</c>).</summary>
public sealed class ClusteringHostOptions
{
    public ClusteringKind Kind { get; set; } = ClusteringKind.Localhost;

    /// <summary>The address other silos and clients reach this silo at (with a membership table).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
