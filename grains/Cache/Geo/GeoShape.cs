namespace DataTier.Cache.Geo;

/// <summary>A search area: a circle of <see cref="Radius"/>, or a box of <see cref="Width"/> by <see cref="Height"/>, around a centre; sizes in units of <see cref="MetersPerUnit"/> metres.</summary>
public readonly record struct GeoShape(double Longitude, double Latitude, bool IsBox, double Radius, double Width, double Height, double MetersPerUnit)
{
    /// <summary>Whether a point is inside, with its distance from the centre in metres (a NaN distance counts as inside, as in Redis).</summary>
    public bool Contains(double longitude, double latitude, out double distance)
    {
        if (!IsBox)
        {
            distance = GeoDistance.Between(Longitude, Latitude, longitude, latitude);
            return !(distance > Radius * MetersPerUnit);
        }
        distance = 0;
        // The box's sides follow meridians and parallels: the point's distance north or south of the centre, then east or
        // west of it along the point's own parallel.
        if (GeoDistance.AlongMeridian(latitude, Latitude) > Height * MetersPerUnit / 2) return false;
        if (GeoDistance.Between(longitude, latitude, Longitude, latitude) > Width * MetersPerUnit / 2) return false;
        distance = GeoDistance.Between(Longitude, Latitude, longitude, latitude);
        return true;
    }
}
