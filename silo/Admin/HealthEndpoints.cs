using DataTier.Store;

namespace DataTier.Silo.Admin;

/// <summary>
/// <c>/healthz</c>: the process is up and serving HTTP (liveness). <c>/readyz</c>: the silo is an
/// active member of the cluster and its store answers (readiness). Readiness turns false as soon as
/// shutdown starts, before Kestrel stops and the partitions are handed off.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app, string host)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).RequireHost(host);
        app.MapGet("/readyz", async (IClusterMembershipService membership, ILocalSiloDetails silo, ITableStore store, IHostApplicationLifetime lifetime) =>
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested) return Results.Text("silo is shutting down", statusCode: 503);
            var me = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            if (me != SiloStatus.Active) return Results.Text($"silo is {me}", statusCode: 503);
            try
            {
                await store.ReadCatalogAsync();
            }
            catch (Exception e)
            {
                return Results.Text($"store does not answer: {e.Message}", statusCode: 503);
            }
            return Results.Text("ready");
        }).RequireHost(host);
    }
}
