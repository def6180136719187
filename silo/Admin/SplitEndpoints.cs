using DataTier.Catalog;
using DataTier.Errors;

namespace DataTier.Silo.Admin;

/// <summary>
/// <c>POST /admin/tables/{table}/partitions/{id}/split</c> on the admin port: splits one partition of a
/// table by hand (the thresholds of <c>Partitions:Split*</c> do it by themselves). Answers the table's
/// current partition ids as JSON, 404 for an unknown table, 409 when the partition is not current.
/// </summary>
public static class SplitEndpoints
{
    public static void MapSplitEndpoints(this IEndpointRouteBuilder app, string host) =>
        app.MapPost("/admin/tables/{table}/partitions/{id:int}/split", async (string table, int id, IGrainFactory grains) =>
        {
            var catalog = grains.GetGrain<ITableCatalogGrain>(0);
            try
            {
                var split = await catalog.SplitPartition(table, id);
                var description = await catalog.Describe(table);
                var body = new { Split = split, MapVersion = description?.Partitions.Version, Partitions = description?.Partitions.CurrentIds.ToArray() };
                return split ? Results.Json(body) : Results.Json(body, statusCode: StatusCodes.Status409Conflict);
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.ResourceNotFoundException)
            {
                return Results.NotFound(new { e.Message });
            }
        }).RequireHost(host);
}
