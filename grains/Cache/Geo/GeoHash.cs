namespace DataTier.Cache.Geo;

/// <summary>
/// Redis' geohash: longitude and latitude each cut into 2^step cells, the two cell numbers interleaved. Latitudes are
/// limited to ±85.05112878 (the Web Mercator square); at 26 steps the 52 bits are a geo set member's score.
/// </summary>
public static class GeoHash
{
    public const int MaxStep = 26;
    public const double MinLongitude = -180;
    public const double MaxLongitude = 180;
    public const double MinLatitude = -85.05112878;
    public const double MaxLatitude = 85.05112878;

    public static bool InRange(double longitude, double latitude) =>
        longitude >= MinLongitude && longitude <= MaxLongitude && latitude >= MinLatitude && latitude <= MaxLatitude;

    /// <summary>The cell of a point (in range) at a precision; latitudes count within [<paramref name="minLatitude"/>, <paramref name="maxLatitude"/>].</summary>
    public static GeoHashBits Encode(double longitude, double latitude, int step, double minLatitude = MinLatitude, double maxLatitude = MaxLatitude)
    {
        // The cell numbers are the offsets scaled to 2^step, truncated; a point on the upper edge gets 2^step (as in Redis).
        var latitudeOffset = (latitude - minLatitude) / (maxLatitude - minLatitude) * (1UL << step);
        var longitudeOffset = (longitude - MinLongitude) / (MaxLongitude - MinLongitude) * (1UL << step);
        return new GeoHashBits(GeoInterleave.Interleave((uint)latitudeOffset, (uint)longitudeOffset), step);
    }

    public static GeoCell Decode(GeoHashBits hash)
    {
        var separated = GeoInterleave.Deinterleave(hash.Bits);
        var latitudeCell = (uint)separated;
        var longitudeCell = (uint)(separated >> 32);
        double cells = 1UL << hash.Step;
        const double latitudeScale = MaxLatitude - MinLatitude;
        const double longitudeScale = MaxLongitude - MinLongitude;
        return new GeoCell(
            MinLongitude + longitudeCell * 1.0 / cells * longitudeScale,
            MinLongitude + unchecked(longitudeCell + 1u) * 1.0 / cells * longitudeScale,
            MinLatitude + latitudeCell * 1.0 / cells * latitudeScale,
            MinLatitude + unchecked(latitudeCell + 1u) * 1.0 / cells * latitudeScale);
    }

    /// <summary>The point a geo set's score stands for: the centre of its 52-bit cell, kept within range.</summary>
    public static (double Longitude, double Latitude) DecodeScore(double score)
    {
        var cell = Decode(new GeoHashBits(ScoreBits(score), MaxStep));
        var longitude = Math.Clamp((cell.MinLongitude + cell.MaxLongitude) / 2, MinLongitude, MaxLongitude);
        var latitude = Math.Clamp((cell.MinLatitude + cell.MaxLatitude) / 2, MinLatitude, MaxLatitude);
        return (longitude, latitude);
    }

    /// <summary>
    /// A score's bits as C's cast of a double to a 64-bit unsigned number gives them on x86-64, which is how Redis reads
    /// scores that no GEOADD wrote (negative, fractional or huge ones) as positions.
    /// </summary>
    public static ulong ScoreBits(double score)
    {
        const double twoTo63 = 9223372036854775808.0;
        if (!(score >= twoTo63)) return (ulong)TruncateToInt64(score);
        return (ulong)TruncateToInt64(score - twoTo63) ^ 0x8000000000000000UL;
    }

    /// <summary>x86-64's truncating conversion: the "integer indefinite" (the lowest long) when out of range or NaN.</summary>
    private static long TruncateToInt64(double value) =>
        value >= -9223372036854775808.0 && value < 9223372036854775808.0 ? (long)value : long.MinValue;
}
