using System.Text.Json;
using DataTier.Placement.Ownership;

namespace DataTier.Silo.Admin;

/// <summary>
/// <c>GET /admin/partitions</c> on the admin port: which silo hosts each table partition and cache
/// shard, the moves in progress and the moves done (count and the last <c>recent</c>, default 20),
/// gathered from every active silo.
/// </summary>
public static class PartitionsEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapPartitionsEndpoint(this IEndpointRouteBuilder app, string host) =>
        app.MapGet("/admin/partitions", async (IClusterMembershipService membership, IGrainFactory grains, int? recent) =>
        {
            if (recent is < 0 or > Placement.Moves.MoveLog.RecentCapacity)
                return Results.Text($"recent must be between 0 and {Placement.Moves.MoveLog.RecentCapacity}", statusCode: 400);
            var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
            var view = await ClusterOwnership.CollectAsync(grains, active, recent ?? 20);
            return Results.Json(view, Json);
        }).RequireHost(host);
}
