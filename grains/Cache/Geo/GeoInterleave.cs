namespace DataTier.Cache.Geo;

/// <summary>Interleaving of two 32-bit numbers into one 64-bit number: the latitude's bits at even positions, the longitude's at odd ones.</summary>
public static class GeoInterleave
{
    public static ulong Interleave(uint latitude, uint longitude) => Spread(latitude) | (Spread(longitude) << 1);

    /// <summary>The latitude's bits in the low half, the longitude's in the high half.</summary>
    public static ulong Deinterleave(ulong interleaved) => Gather(interleaved) | ((ulong)Gather(interleaved >> 1) << 32);

    /// <summary>Bit i of the value moved to bit 2i.</summary>
    private static ulong Spread(uint value)
    {
        ulong x = value;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x << 2)) & 0x3333333333333333UL;
        return (x | (x << 1)) & 0x5555555555555555UL;
    }

    /// <summary>Bit 2i of the value moved to bit i (the odd bits dropped).</summary>
    private static uint Gather(ulong value)
    {
        var x = value & 0x5555555555555555UL;
        x = (x | (x >> 1)) & 0x3333333333333333UL;
        x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
        return (uint)((x | (x >> 16)) & 0x00000000FFFFFFFFUL);
    }
}
