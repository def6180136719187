namespace DataTier.Cache.Geo;

/// <summary>The search commands, which read their arguments differently.</summary>
public enum GeoSearchForm : byte
{
    /// <summary>GEORADIUS key longitude latitude radius unit [options] [STORE key | STOREDIST key].</summary>
    Radius,
    RadiusReadOnly,
    /// <summary>GEORADIUSBYMEMBER key member radius unit [options] [STORE key | STOREDIST key].</summary>
    RadiusByMember,
    RadiusByMemberReadOnly,
    /// <summary>GEOSEARCH key FROMMEMBER member | FROMLONLAT longitude latitude, BYRADIUS radius unit | BYBOX width height unit, [options].</summary>
    Search,
    /// <summary>GEOSEARCHSTORE destination source, then GEOSEARCH's arguments, and STOREDIST.</summary>
    SearchStore,
}
