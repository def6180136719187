namespace DataTier.Cache.Dump;

/// <summary>
/// The CRC-64 Redis seals DUMP payloads and RDB files with: Jones' polynomial 0xad93d23594c935a9, reflected input and
/// output, initial value 0, no final xor (the check value of "123456789" is 0xe9c6d914c4b8d9ca).
/// </summary>
public static class Crc64
{
    /// <summary>The polynomial with its bits reversed, for the reflected (least significant bit first) algorithm.</summary>
    private const ulong ReflectedPolynomial = 0x95ac9329ac4bc9b5;

    private static readonly ulong[] Table = BuildTable();

    public static ulong Compute(ReadOnlySpan<byte> data, ulong crc = 0)
    {
        foreach (var b in data) crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        return crc;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ulong)i;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            table[i] = crc;
        }
        return table;
    }
}
