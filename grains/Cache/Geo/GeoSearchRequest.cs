using DataTier.Cache.Commands;
using DataTier.Cache.Values;

namespace DataTier.Cache.Geo;

/// <summary>A search command's arguments, read in Redis' order so that the first fault found is the one Redis reports.</summary>
public sealed class GeoSearchRequest
{
    public GeoShape Shape { get; private set; }

    public byte[]? StoreKey { get; private set; }

    /// <summary>STOREDIST: the stored scores are the distances (in the search's unit), not the positions.</summary>
    public bool StoreDistance { get; private set; }

    public bool WithDistance { get; private set; }

    public bool WithHash { get; private set; }

    public bool WithCoordinates { get; private set; }

    public bool Sorted { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>How many to return at most; 0 for all.</summary>
    public long Count { get; private set; }

    /// <summary>COUNT ... ANY: stop at the first <see cref="Count"/> found rather than return the nearest.</summary>
    public bool Any { get; private set; }

    public static GeoSearchForm FormOf(CommandId id) => id switch
    {
        CommandId.GeoRadius => GeoSearchForm.Radius,
        CommandId.GeoRadiusRo => GeoSearchForm.RadiusReadOnly,
        CommandId.GeoRadiusByMember => GeoSearchForm.RadiusByMember,
        CommandId.GeoRadiusByMemberRo => GeoSearchForm.RadiusByMemberReadOnly,
        CommandId.GeoSearch => GeoSearchForm.Search,
        _ => GeoSearchForm.SearchStore,
    };

    /// <summary>
    /// Reads the arguments; <paramref name="set"/> is the source (null when absent), whose members FROMMEMBER and
    /// GEORADIUSBYMEMBER look up as they are read. Without a source the member and GEORADIUSBYMEMBER's radius are not checked.
    /// </summary>
    public static CacheReply? Parse(byte[][] a, GeoSearchForm form, SortedSetValue? set, out GeoSearchRequest request)
    {
        request = new GeoSearchRequest();
        var shape = new GeoShapeArgs();
        int first;
        if (form is GeoSearchForm.Radius or GeoSearchForm.RadiusReadOnly)
        {
            first = 6;
            if ((shape.ReadPosition(a, 2) ?? shape.ReadRadius(a, 4)) is { } error) return error;
        }
        else if (form is GeoSearchForm.RadiusByMember or GeoSearchForm.RadiusByMemberReadOnly)
        {
            first = 5;
            if (set is not null && (shape.ReadMember(set, a[2]) ?? shape.ReadRadius(a, 3)) is { } error) return error;
        }
        else
        {
            first = form == GeoSearchForm.SearchStore ? 3 : 2;
            if (form == GeoSearchForm.SearchStore) request.StoreKey = a[1];
        }
        if (request.ReadOptions(a, first, form, set, shape) is { } invalid) return invalid;
        request.Shape = shape.Shape;
        return request.Check(a, form, shape);
    }

    private CacheReply? ReadOptions(byte[][] a, int first, GeoSearchForm form, SortedSetValue? set, GeoShapeArgs shape)
    {
        var search = form is GeoSearchForm.Search or GeoSearchForm.SearchStore;
        var storeOption = form is GeoSearchForm.Radius or GeoSearchForm.RadiusByMember;
        for (var i = first; i < a.Length; i++)
        {
            var arg = a[i];
            var following = a.Length - i - 1;
            CacheReply? error = null;
            if (Arg.Is(arg, "withdist")) WithDistance = true;
            else if (Arg.Is(arg, "withhash")) WithHash = true;
            else if (Arg.Is(arg, "withcoord")) WithCoordinates = true;
            else if (Arg.Is(arg, "any")) Any = true;
            else if (Arg.Is(arg, "asc") || Arg.Is(arg, "desc")) (Sorted, Descending) = (true, Arg.Is(arg, "desc"));
            else if (Arg.Is(arg, "count") && following >= 1) error = ReadCount(a[++i]);
            else if ((Arg.Is(arg, "store") || Arg.Is(arg, "storedist")) && following >= 1 && storeOption)
                (StoreKey, StoreDistance) = (a[++i], Arg.Is(arg, "storedist"));
            else if (Arg.Is(arg, "storedist") && form == GeoSearchForm.SearchStore) StoreDistance = true;
            else if (Arg.Is(arg, "frommember") && following >= 1 && search && !shape.FromPosition)
                error = shape.ReadFromMember(set, a[++i]);
            else if (Arg.Is(arg, "fromlonlat") && following >= 2 && search && !shape.FromMember)
                (error, i) = (shape.ReadPosition(a, i + 1), i + 2);
            else if (Arg.Is(arg, "byradius") && following >= 2 && search && !shape.ByBox)
                (error, i) = (shape.ReadRadius(a, i + 1), i + 2);
            else if (Arg.Is(arg, "bybox") && following >= 3 && search && !shape.ByRadius)
                (error, i) = (shape.ReadBox(a, i + 1), i + 3);
            else error = CacheErrors.Syntax;
            if (error is not null) return error;
        }
        return null;
    }

    private CacheReply? ReadCount(byte[] text)
    {
        if (!CacheNumbers.TryParseLong(text, out var count)) return CacheErrors.NotInteger;
        if (count <= 0) return CacheReply.Error("ERR COUNT must be > 0");
        Count = count;
        return null;
    }

    private CacheReply? Check(byte[][] a, GeoSearchForm form, GeoShapeArgs shape)
    {
        if (StoreKey is not null && (WithDistance || WithHash || WithCoordinates))
            return CacheReply.Error((form == GeoSearchForm.SearchStore ? "ERR GEOSEARCHSTORE" : "ERR STORE option in GEORADIUS")
                + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        if (form is GeoSearchForm.Search or GeoSearchForm.SearchStore)
        {
            if (!shape.FromMember && !shape.FromPosition)
                return CacheReply.Error($"ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for {Arg.Text(a[0])}");
            if (!shape.ByRadius && !shape.ByBox)
                return CacheReply.Error($"ERR exactly one of BYRADIUS and BYBOX can be specified for {Arg.Text(a[0])}");
        }
        if (Any && Count == 0) return CacheReply.Error("ERR the ANY argument requires COUNT argument");
        // COUNT without ANY returns the nearest: sorted, nearest first unless DESC says otherwise.
        if (Count != 0 && !Sorted && !Any) Sorted = true;
        return null;
    }
}
