namespace DataTier.Tests.Deploy;

/// <summary>The paths Kubernetes probes; <see cref="RequestLogTests"/> checks that a running silo answers them.</summary>
public static class ProbePaths
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
}
