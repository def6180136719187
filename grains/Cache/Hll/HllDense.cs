namespace DataTier.Cache.Hll;

/// <summary>The dense registers: 16384 values of 6 bits packed from the least significant bit of each byte up.</summary>
public static class HllDense
{
    private const int Bits = 6;
    private const int Max = (1 << Bits) - 1;

    public static int Get(ReadOnlySpan<byte> registers, int index)
    {
        var position = index * Bits;
        var b0 = position >> 3;
        var shift = position & 7;
        var b1 = b0 + 1 < registers.Length ? registers[b0 + 1] : 0;
        return ((registers[b0] >> shift) | (b1 << (8 - shift))) & Max;
    }

    private static void Put(Span<byte> registers, int index, int value)
    {
        var position = index * Bits;
        var b0 = position >> 3;
        var shift = position & 7;
        registers[b0] = (byte)((registers[b0] & ~(Max << shift)) | (value << shift));
        if (b0 + 1 >= registers.Length) return;
        registers[b0 + 1] = (byte)((registers[b0 + 1] & ~(Max >> (8 - shift))) | (value >> (8 - shift)));
    }

    /// <summary>Raises a register to <paramref name="count"/>; true when it was lower.</summary>
    public static bool Raise(Span<byte> registers, int index, int count)
    {
        if (Get(registers, index) >= count) return false;
        Put(registers, index, count);
        return true;
    }

    public static void Histogram(ReadOnlySpan<byte> registers, int[] histogram)
    {
        for (var i = 0; i < HllLayout.Registers; i++) histogram[Get(registers, i)]++;
    }

    public static void MergeInto(ReadOnlySpan<byte> registers, byte[] max)
    {
        for (var i = 0; i < HllLayout.Registers; i++)
        {
            var value = Get(registers, i);
            if (value > max[i]) max[i] = (byte)value;
        }
    }
}
