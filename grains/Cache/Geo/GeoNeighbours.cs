namespace DataTier.Cache.Geo;

/// <summary>Moving from a geohash cell to its neighbours, wrapping around at the edges of the grid (as Redis does).</summary>
public static class GeoNeighbours
{
    private const ulong LongitudeBits = 0xAAAAAAAAAAAAAAAAUL;
    private const ulong LatitudeBits = 0x5555555555555555UL;

    /// <summary>
    /// The cell and its eight neighbours in the order Redis searches them: itself, north, south, east, west, north-east,
    /// north-west, south-east, south-west.
    /// </summary>
    public static GeoHashBits[] AroundAndSelf(GeoHashBits cell) =>
    [
        cell, Move(cell, 0, 1), Move(cell, 0, -1), Move(cell, 1, 0), Move(cell, -1, 0),
        Move(cell, 1, 1), Move(cell, -1, 1), Move(cell, 1, -1), Move(cell, -1, -1),
    ];

    public static GeoHashBits Move(GeoHashBits cell, int east, int north)
    {
        var bits = Step(cell.Bits, cell.Step, LongitudeBits, east);
        return cell with { Bits = Step(bits, cell.Step, LatitudeBits, north) };
    }

    /// <summary>One cell up or down along one coordinate: its bits incremented or decremented in place, the other coordinate's bits set to carry the borrow or carry through.</summary>
    private static ulong Step(ulong bits, int step, ulong axis, int direction)
    {
        if (direction == 0) return bits;
        var unused = 64 - step * 2;
        var mine = bits & axis;
        var others = bits & ~axis;
        var carriers = ~axis >> unused;
        mine = direction > 0 ? mine + carriers + 1 : (mine | carriers) - (carriers + 1);
        return (mine & (axis >> unused)) | others;
    }
}
