namespace DataTier.Silo.Configuration;

/// <summary>The admin HTTP endpoint: Orleans dashboard, health and readiness (section <c>Endpoints:Admin</c>).</summary>
public sealed class AdminEndpointOptions
{
    public string Url { get; set; } = "http://127.0.0.1:8080";
}
