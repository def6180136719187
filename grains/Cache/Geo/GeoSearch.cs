using DataTier.Cache.Commands;
using DataTier.Cache.Values;

namespace DataTier.Cache.Geo;

/// <summary>A search over a geo set: the score ranges of the cells around the centre, each member in them tested against the shape.</summary>
public static class GeoSearch
{
    /// <summary>The members the request finds, ordered and cut to COUNT as it asks.</summary>
    public static GeoPoint[] Run(SortedSetValue set, GeoSearchRequest request)
    {
        var points = Find(set, request.Shape, request.Any ? request.Count : 0).ToArray();
        var kept = request.Count == 0 || points.Length < request.Count ? points.Length : (int)request.Count;
        if (request.Sorted) GeoOrder.Sort(points, request.Descending, kept);
        return kept == points.Length ? points : points[..kept];
    }

    /// <summary>The members inside the shape, cell by cell in score order; with a limit (COUNT ... ANY), the first that many.</summary>
    public static List<GeoPoint> Find(SortedSetValue set, GeoShape shape, long limit)
    {
        var found = new List<GeoPoint>();
        var cells = GeoSearchCells.Around(shape);
        var lastSearched = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].IsNone) continue;
            // At the coarsest step neighbours repeat (the grid wraps around); as in Redis, a cell equal to the last one
            // searched after the centre's is skipped, which at that step leaves each cell searched once.
            if (lastSearched != 0 && cells[i] == cells[lastSearched]) continue;
            if (Reached(found, limit)) break;
            SearchCell(set, cells[i], shape, limit, found);
            lastSearched = i;
        }
        return found;
    }

    private static void SearchCell(SortedSetValue set, GeoHashBits cell, GeoShape shape, long limit, List<GeoPoint> found)
    {
        double min = cell.Aligned52;
        double max = (cell with { Bits = cell.Bits + 1 }).Aligned52;
        foreach (var member in SortedSetRanges.From(set, new ScoreBound(min, false)))
        {
            if (!(member.Score < max)) break;
            var (longitude, latitude) = GeoHash.DecodeScore(member.Score);
            if (shape.Contains(longitude, latitude, out var distance)) found.Add(new GeoPoint(member.Member, member.Score, longitude, latitude, distance));
            if (Reached(found, limit)) break;
        }
    }

    private static bool Reached(List<GeoPoint> found, long limit) => limit > 0 && found.Count >= limit;
}
