namespace DataTier.Cache.Geo;

/// <summary>A geohash cell: the interleaved bits of its latitude and longitude cell numbers, <see cref="Step"/> bits of each.</summary>
public readonly record struct GeoHashBits(ulong Bits, int Step)
{
    /// <summary>No cell: a neighbour a search leaves out.</summary>
    public bool IsNone => Bits == 0 && Step == 0;

    /// <summary>The bits widened to the 52 bits of a geo set's scores: the lowest score inside the cell.</summary>
    public ulong Aligned52 => Bits << (52 - Step * 2);
}
