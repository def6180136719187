namespace DataTier.Cache;

/// <summary>
/// The slot of a key as Redis Cluster computes it: CRC16 (XMODEM: polynomial 0x1021, initial 0, no
/// reflection) of the key, or of its hash tag (the bytes between the first '{' and the next '}',
/// when not empty), modulo 16384.
/// </summary>
public static class SlotHash
{
    private static readonly ushort[] Table = BuildTable();

    public static int SlotOf(ReadOnlySpan<byte> key) => Crc16(HashTag(key)) & (CacheSlots.SlotCount - 1);

    /// <summary>The part of the key that is hashed: its hash tag when it has a non-empty one, else the whole key.</summary>
    public static ReadOnlySpan<byte> HashTag(ReadOnlySpan<byte> key)
    {
        var open = key.IndexOf((byte)'{');
        if (open < 0) return key;
        var close = key[(open + 1)..].IndexOf((byte)'}');
        if (close <= 0) return key;
        return key.Slice(open + 1, close);
    }

    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data) crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++) crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
            table[i] = crc;
        }
        return table;
    }
}
