namespace DataTier.Cache.Geo;

/// <summary>A geo set member found by a search: its score, its position and its distance from the centre in metres.</summary>
public readonly record struct GeoPoint(byte[] Member, double Score, double Longitude, double Latitude, double Distance);
