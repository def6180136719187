namespace DataTier.Cache.Geo;

/// <summary>The area a geohash covers, in degrees.</summary>
public readonly record struct GeoCell(double MinLongitude, double MaxLongitude, double MinLatitude, double MaxLatitude);
