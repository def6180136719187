using DataTier.Cache.Values;

namespace DataTier.Cache.Geo;

/// <summary>The centre and size of a search as its arguments give them, and which of FROMMEMBER, FROMLONLAT, BYRADIUS and BYBOX gave them.</summary>
public sealed class GeoShapeArgs
{
    private double _longitude, _latitude, _radius, _width, _height, _metersPerUnit;

    public bool FromMember { get; private set; }

    public bool FromPosition { get; private set; }

    public bool ByRadius { get; private set; }

    public bool ByBox { get; private set; }

    public GeoShape Shape => new(_longitude, _latitude, ByBox, _radius, _width, _height, _metersPerUnit);

    /// <summary>Longitude and latitude at <paramref name="at"/>.</summary>
    public CacheReply? ReadPosition(byte[][] a, int at)
    {
        FromPosition = true;
        return GeoArgs.ParsePosition(a[at], a[at + 1], out _longitude, out _latitude);
    }

    public CacheReply? ReadMember(SortedSetValue set, byte[] member) => GeoArgs.PositionOf(set, member, out _longitude, out _latitude);

    /// <summary>FROMMEMBER's member, looked up only when the source exists.</summary>
    public CacheReply? ReadFromMember(SortedSetValue? set, byte[] member)
    {
        FromMember = true;
        return set is null ? null : ReadMember(set, member);
    }

    /// <summary>Radius and unit at <paramref name="at"/>.</summary>
    public CacheReply? ReadRadius(byte[][] a, int at)
    {
        (ByRadius, ByBox) = (true, false);
        return GeoArgs.ParseRadius(a[at], a[at + 1], out _radius, out _metersPerUnit);
    }

    /// <summary>Width, height and unit at <paramref name="at"/>.</summary>
    public CacheReply? ReadBox(byte[][] a, int at)
    {
        (ByRadius, ByBox) = (false, true);
        return GeoArgs.ParseBox(a[at], a[at + 1], a[at + 2], out _width, out _height, out _metersPerUnit);
    }
}
