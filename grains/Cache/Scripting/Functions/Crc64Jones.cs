namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// Redis' CRC-64 (the Jones polynomial, reflected, no final xor) that seals DUMP payloads; not the ECMA-182 CRC-64
/// of System.IO.Hashing. The check value of "123456789" is 0xe9c6d914c4b8d9ca.
/// </summary>
public static class Crc64Jones
{
    /// <summary>0xad93d23594c935a9 with its bits reversed.</summary>
    private const ulong ReflectedPolynomial = 0x95ac9329ac4bc9b5;

    private static readonly ulong[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        var crc = (ulong)i;
        for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
        return crc;
    }).ToArray();

    public static ulong Compute(ReadOnlySpan<byte> data, ulong crc = 0)
    {
        foreach (var b in data) crc = Table[(byte)(crc ^ b)] ^ (crc >> 8);
        return crc;
    }
}
