using DataTier.Cache.Geo;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and their _RO forms on one shard (the source's and, when storing, the destination's).</summary>
public static class GeoSearchCommands
{
    public static CacheReply Search(CacheKeyspace ks, byte[][] a, GeoSearchForm form)
    {
        if (Find(ks, a, form, out var request, out var points) is { } error) return error;
        if (request.StoreKey is not { } destination) return Reply(points, request);
        var stored = new SortedSetValue();
        foreach (var point in points) stored.Set(point.Member, StoredScore(point, request));
        ks.StoreResult(destination, points.Length == 0 ? null : stored, Notifications.KeyspaceEventTypes.SortedSet, StoreEvent(form));
        return CacheReply.Int(points.Length);
    }

    /// <summary>
    /// A storing search (GEOSEARCHSTORE, GEORADIUS ... STORE) whose destination is on another shard: the search only,
    /// answering the members and the scores to store, flattened.
    /// </summary>
    /// <summary>The event a storing search raises on its destination, as Redis names it.</summary>
    public static string StoreEvent(GeoSearchForm form) => form == GeoSearchForm.SearchStore ? "geosearchstore" : "georadiusstore";

    public static CacheReply SearchForStore(CacheKeyspace ks, byte[][] a)
    {
        var form = GeoSearchRequest.FormOf(CommandTable.Find(a[0])!.Id);
        if (Find(ks, a, form, out var request, out var points) is { } error) return error;
        var items = new CacheReply[points.Length * 2];
        for (var i = 0; i < points.Length; i++)
        {
            items[i * 2] = CacheReply.Bulk(points[i].Member);
            items[i * 2 + 1] = CacheReply.Number(StoredScore(points[i], request));
        }
        return CacheReply.Array(items);
    }

    private static CacheReply? Find(CacheKeyspace ks, byte[][] a, GeoSearchForm form, out GeoSearchRequest request, out GeoPoint[] points)
    {
        points = [];
        var set = TypedLookup<SortedSetValue>.Find(ks, a[form == GeoSearchForm.SearchStore ? 2 : 1], false, out _, out var wrongType);
        var invalid = GeoSearchRequest.Parse(a, form, set, out request);
        // Redis checks the source's type before the arguments.
        if ((wrongType ?? invalid) is { } error) return error;
        if (set is not null) points = GeoSearch.Run(set, request);
        return null;
    }

    private static double StoredScore(GeoPoint point, GeoSearchRequest request) =>
        request.StoreDistance ? point.Distance / request.Shape.MetersPerUnit : point.Score;

    private static CacheReply Reply(GeoPoint[] points, GeoSearchRequest request)
    {
        var items = new CacheReply[points.Length];
        var detailed = request.WithDistance || request.WithHash || request.WithCoordinates;
        for (var i = 0; i < points.Length; i++)
        {
            var point = points[i];
            if (!detailed)
            {
                items[i] = CacheReply.Bulk(point.Member);
                continue;
            }
            var parts = new List<CacheReply>(4) { CacheReply.Bulk(point.Member) };
            if (request.WithDistance) parts.Add(CacheReply.Bulk(GeoFormat.Distance(point.Distance / request.Shape.MetersPerUnit)));
            if (request.WithHash) parts.Add(CacheReply.Int((long)point.Score));
            if (request.WithCoordinates) parts.Add(GeoCommands.Coordinates(point.Longitude, point.Latitude));
            items[i] = CacheReply.Array([.. parts]);
        }
        return CacheReply.Array(items);
    }
}
