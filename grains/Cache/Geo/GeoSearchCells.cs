namespace DataTier.Cache.Geo;

/// <summary>
/// The geohash cells a search reads: the centre's cell at a precision whose cells are about as large as the search
/// area, and its eight neighbours, less those that lie wholly outside the area's bounding box (as Redis chooses them).
/// </summary>
public static class GeoSearchCells
{
    private const double MercatorMax = 20037726.37;

    /// <summary>Nine cells in <see cref="GeoNeighbours.AroundAndSelf"/>'s order; a left-out neighbour is <see cref="GeoHashBits.IsNone"/>.</summary>
    public static GeoHashBits[] Around(GeoShape shape)
    {
        var bounds = BoundingBox(shape);
        var radiusMeters = (shape.IsBox ? Math.Sqrt(shape.Width / 2 * (shape.Width / 2) + shape.Height / 2 * (shape.Height / 2)) : shape.Radius)
            * shape.MetersPerUnit;
        var steps = EstimateSteps(radiusMeters, shape.Latitude);
        var cells = GeoNeighbours.AroundAndSelf(GeoHash.Encode(shape.Longitude, shape.Latitude, steps));
        // Near a cell's edge the area may reach past the neighbours: one step coarser then.
        if (steps > 1 && ReachesPastNeighbours(cells, bounds))
        {
            steps--;
            cells = GeoNeighbours.AroundAndSelf(GeoHash.Encode(shape.Longitude, shape.Latitude, steps));
        }
        if (steps >= 2) LeaveOutUnneeded(cells, bounds);
        return cells;
    }

    /// <summary>How many steps give cells about the size of the radius: fewer (larger cells) near the poles.</summary>
    public static int EstimateSteps(double rangeMeters, double latitude)
    {
        if (rangeMeters == 0) return GeoHash.MaxStep;
        var step = 1;
        while (rangeMeters < MercatorMax)
        {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (latitude > 66 || latitude < -66)
        {
            step--;
            if (latitude > 80 || latitude < -80) step--;
        }
        return Math.Clamp(step, 1, GeoHash.MaxStep);
    }

    /// <summary>The area's extent in degrees; east-west measured on the parallel farther from the equator, where a degree is shortest.</summary>
    public static GeoCell BoundingBox(GeoShape shape)
    {
        var height = shape.MetersPerUnit * (shape.IsBox ? shape.Height / 2 : shape.Radius);
        var width = shape.MetersPerUnit * (shape.IsBox ? shape.Width / 2 : shape.Radius);
        var latitudeDelta = GeoDistance.ToDegrees(height / GeoDistance.EarthRadiusMeters);
        var longitudeDeltaTop = GeoDistance.ToDegrees(width / GeoDistance.EarthRadiusMeters / Math.Cos(GeoDistance.ToRadians(shape.Latitude + latitudeDelta)));
        var longitudeDeltaBottom = GeoDistance.ToDegrees(width / GeoDistance.EarthRadiusMeters / Math.Cos(GeoDistance.ToRadians(shape.Latitude - latitudeDelta)));
        var longitudeDelta = shape.Latitude < 0 ? longitudeDeltaBottom : longitudeDeltaTop;
        return new GeoCell(shape.Longitude - longitudeDelta, shape.Longitude + longitudeDelta, shape.Latitude - latitudeDelta, shape.Latitude + latitudeDelta);
    }

    private static bool ReachesPastNeighbours(GeoHashBits[] cells, GeoCell bounds) =>
        GeoHash.Decode(cells[North]).MaxLatitude < bounds.MaxLatitude
        || GeoHash.Decode(cells[South]).MinLatitude > bounds.MinLatitude
        || GeoHash.Decode(cells[East]).MaxLongitude < bounds.MaxLongitude
        || GeoHash.Decode(cells[West]).MinLongitude > bounds.MinLongitude;

    private static void LeaveOutUnneeded(GeoHashBits[] cells, GeoCell bounds)
    {
        var centre = GeoHash.Decode(cells[0]);
        if (centre.MinLatitude < bounds.MinLatitude) LeaveOut(cells, South, SouthWest, SouthEast);
        if (centre.MaxLatitude > bounds.MaxLatitude) LeaveOut(cells, North, NorthEast, NorthWest);
        if (centre.MinLongitude < bounds.MinLongitude) LeaveOut(cells, West, SouthWest, NorthWest);
        if (centre.MaxLongitude > bounds.MaxLongitude) LeaveOut(cells, East, SouthEast, NorthEast);
    }

    private static void LeaveOut(GeoHashBits[] cells, params ReadOnlySpan<int> which)
    {
        foreach (var i in which) cells[i] = default;
    }

    private const int North = 1, South = 2, East = 3, West = 4, NorthEast = 5, NorthWest = 6, SouthEast = 7, SouthWest = 8;
}
