namespace DataTier.Cache.Geo;

/// <summary>Great-circle distances on Redis' spherical earth, by the haversine formula, in metres.</summary>
public static class GeoDistance
{
    public const double EarthRadiusMeters = 6372797.560856;

    private const double RadiansPerDegree = Math.PI / 180.0;

    public static double ToRadians(double degrees) => degrees * RadiansPerDegree;

    public static double ToDegrees(double radians) => radians / RadiansPerDegree;

    public static double Between(double longitude1, double latitude1, double longitude2, double latitude2)
    {
        var halfLongitudeSine = Math.Sin((ToRadians(longitude2) - ToRadians(longitude1)) / 2);
        // On one meridian the formula reduces to the difference of latitudes (as Redis computes it, without the trigonometry).
        if (halfLongitudeSine == 0.0) return AlongMeridian(latitude1, latitude2);
        var latitude1Radians = ToRadians(latitude1);
        var latitude2Radians = ToRadians(latitude2);
        var halfLatitudeSine = Math.Sin((latitude2Radians - latitude1Radians) / 2);
        var a = halfLatitudeSine * halfLatitudeSine + Math.Cos(latitude1Radians) * Math.Cos(latitude2Radians) * halfLongitudeSine * halfLongitudeSine;
        return 2.0 * EarthRadiusMeters * Math.Asin(Math.Sqrt(a));
    }

    public static double AlongMeridian(double latitude1, double latitude2) =>
        EarthRadiusMeters * Math.Abs(ToRadians(latitude2) - ToRadians(latitude1));
}
