using DataTier.Cache.Commands;
using DataTier.Cache.Values;

namespace DataTier.Cache.Geo;

/// <summary>Reading the geo commands' arguments, with Redis' errors.</summary>
public static class GeoArgs
{
    public static readonly CacheReply UnsupportedUnit = CacheReply.Error("ERR unsupported unit provided. please use M, KM, FT, MI");
    public static readonly CacheReply MemberNotFound = CacheReply.Error("ERR could not decode requested zset member");

    /// <summary>A longitude and a latitude, both numbers first, then both in range.</summary>
    public static CacheReply? ParsePosition(byte[] longitudeText, byte[] latitudeText, out double longitude, out double latitude)
    {
        latitude = 0;
        if (!TryParseNumber(longitudeText, out longitude) || !TryParseNumber(latitudeText, out latitude)) return CacheErrors.NotFloat;
        if (GeoHash.InRange(longitude, latitude)) return null;
        return CacheReply.Error($"ERR invalid longitude,latitude pair {GeoFormat.Fixed(longitude, 6)},{GeoFormat.Fixed(latitude, 6)}");
    }

    /// <summary>M, KM, FT or MI, in any case: how many metres one of them is.</summary>
    public static CacheReply? ParseUnit(byte[] unit, out double metersPerUnit)
    {
        metersPerUnit = Arg.Is(unit, "m") ? 1 : Arg.Is(unit, "km") ? 1000 : Arg.Is(unit, "ft") ? 0.3048 : Arg.Is(unit, "mi") ? 1609.34 : -1;
        return metersPerUnit < 0 ? UnsupportedUnit : null;
    }

    /// <summary>A radius and its unit.</summary>
    public static CacheReply? ParseRadius(byte[] radiusText, byte[] unit, out double radius, out double metersPerUnit)
    {
        metersPerUnit = 0;
        if (!TryParseNumber(radiusText, out radius)) return CacheReply.Error("ERR need numeric radius");
        if (radius < 0) return CacheReply.Error("ERR radius cannot be negative");
        return ParseUnit(unit, out metersPerUnit);
    }

    /// <summary>A box's width, height and unit.</summary>
    public static CacheReply? ParseBox(byte[] widthText, byte[] heightText, byte[] unit, out double width, out double height, out double metersPerUnit)
    {
        height = metersPerUnit = 0;
        if (!TryParseNumber(widthText, out width)) return CacheReply.Error("ERR need numeric width");
        if (!TryParseNumber(heightText, out height)) return CacheReply.Error("ERR need numeric height");
        if (height < 0 || width < 0) return CacheReply.Error("ERR height or width cannot be negative");
        return ParseUnit(unit, out metersPerUnit);
    }

    /// <summary>
    /// A number as Redis' getDoubleFromObject reads it: strtod's, less what strtod reports out of range, a value too large
    /// for a double (which .NET reads as infinity) or too small (which it reads as zero).
    /// </summary>
    public static bool TryParseNumber(byte[] text, out double value)
    {
        if (!CacheNumbers.TryParseDouble(text, out value)) return false;
        if (double.IsInfinity(value)) return text.Any(c => c is (byte)'i' or (byte)'I');
        if (value != 0) return true;
        foreach (var c in text)
        {
            if (c is (byte)'e' or (byte)'E') break;
            if (c is >= (byte)'1' and <= (byte)'9') return false;
        }
        return true;
    }

    /// <summary>The position of a geo set's member.</summary>
    public static CacheReply? PositionOf(SortedSetValue set, byte[] member, out double longitude, out double latitude)
    {
        longitude = latitude = 0;
        if (!set.Scores.TryGetValue(member, out var score)) return MemberNotFound;
        (longitude, latitude) = GeoHash.DecodeScore(score);
        return null;
    }
}
