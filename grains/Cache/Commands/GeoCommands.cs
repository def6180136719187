using DataTier.Cache.Geo;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>GEOADD, GEODIST, GEOHASH and GEOPOS: a geo set is a sorted set whose scores are 52-bit geohashes (searches are in <see cref="GeoSearchCommands"/>).</summary>
public static class GeoCommands
{
    private const string StandardAlphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>GEOADD key [NX|XX] [CH] longitude latitude member ...: the positions turned into scores, then ZADD.</summary>
    public static CacheReply Add(CacheKeyspace ks, byte[][] a)
    {
        bool nx = false, xx = false;
        var first = 2;
        for (; first < a.Length; first++)
        {
            if (Arg.Is(a[first], "nx")) nx = true;
            else if (Arg.Is(a[first], "xx")) xx = true;
            else if (!Arg.Is(a[first], "ch")) break;
        }
        if ((a.Length - first) % 3 != 0 || (nx && xx)) return CacheErrors.Syntax;
        var elements = (a.Length - first) / 3;
        var zadd = new byte[first + elements * 2][];
        zadd[0] = "ZADD"u8.ToArray();
        Array.Copy(a, 1, zadd, 1, first - 1);
        for (var e = 0; e < elements; e++)
        {
            var at = first + e * 3;
            if (GeoArgs.ParsePosition(a[at], a[at + 1], out var longitude, out var latitude) is { } error) return error;
            zadd[first + e * 2] = CacheNumbers.ToBytes((long)GeoHash.Encode(longitude, latitude, GeoHash.MaxStep).Aligned52);
            zadd[first + e * 2 + 1] = a[at + 2];
        }
        return SortedSetCommands.ZAdd(ks, zadd);
    }

    /// <summary>GEODIST key member1 member2 [unit].</summary>
    public static CacheReply Distance(CacheKeyspace ks, byte[][] a)
    {
        double metersPerUnit = 1;
        if (a.Length == 5 && GeoArgs.ParseUnit(a[4], out metersPerUnit) is { } badUnit) return badUnit;
        if (a.Length > 5) return CacheErrors.Syntax;
        var set = TypedLookup<SortedSetValue>.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        if (set is null || !set.Scores.TryGetValue(a[2], out var first) || !set.Scores.TryGetValue(a[3], out var second)) return CacheReply.Nil;
        var (longitude1, latitude1) = GeoHash.DecodeScore(first);
        var (longitude2, latitude2) = GeoHash.DecodeScore(second);
        return CacheReply.Bulk(GeoFormat.Distance(GeoDistance.Between(longitude1, latitude1, longitude2, latitude2) / metersPerUnit));
    }

    /// <summary>GEOHASH key member ...: standard 11-character geohashes (latitudes over ±90, the last character always 0), nil for missing members.</summary>
    public static CacheReply Hash(CacheKeyspace ks, byte[][] a) => EachMember(ks, a, CacheReply.Nil, StandardHash);

    /// <summary>GEOPOS key member ...: each member's longitude and latitude, a nil array for missing ones.</summary>
    public static CacheReply Position(CacheKeyspace ks, byte[][] a) => EachMember(ks, a, CacheReply.NilArray, Coordinates);

    private static CacheReply EachMember(CacheKeyspace ks, byte[][] a, CacheReply missing, Func<double, double, CacheReply> present)
    {
        var set = TypedLookup<SortedSetValue>.Find(ks, a[1], false, out _, out var error);
        if (error is not null) return error;
        var items = new CacheReply[a.Length - 2];
        for (var i = 2; i < a.Length; i++)
        {
            if (set is null || !set.Scores.TryGetValue(a[i], out var score)) items[i - 2] = missing;
            else
            {
                var (longitude, latitude) = GeoHash.DecodeScore(score);
                items[i - 2] = present(longitude, latitude);
            }
        }
        return CacheReply.Array(items);
    }

    private static CacheReply StandardHash(double longitude, double latitude)
    {
        var bits = GeoHash.Encode(longitude, latitude, GeoHash.MaxStep, -90, 90).Bits;
        var text = new byte[11];
        for (var c = 0; c < 10; c++) text[c] = (byte)StandardAlphabet[(int)((bits >> (52 - (c + 1) * 5)) & 0x1F)];
        text[10] = (byte)'0';
        return CacheReply.Bulk(text);
    }

    /// <summary>A position as Redis replies it: two numbers in plain decimal notation.</summary>
    public static CacheReply Coordinates(double longitude, double latitude) =>
        CacheReply.Array([CacheReply.HumanDouble(GeoFormat.Coordinate(longitude)), CacheReply.HumanDouble(GeoFormat.Coordinate(latitude))]);
}
