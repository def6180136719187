using System.Buffers.Binary;

namespace DataTier.Cache.Dump;

/// <summary>The footer of a DUMP payload: after the value, the RDB version (2 bytes) and a CRC-64 of everything before the CRC (8 bytes), both little-endian.</summary>
public static class DumpPayload
{
    private const int FooterSize = 10;

    /// <summary>The value with Redis 7.0's footer.</summary>
    public static byte[] Seal(byte[] value)
    {
        var payload = new byte[value.Length + FooterSize];
        value.CopyTo(payload, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(value.Length), RdbType.Version);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(value.Length + 2), Crc64.Compute(payload.AsSpan(0, value.Length + 2)));
        return payload;
    }

    /// <summary>
    /// Whether the payload is long enough, of RDB version 10 or older and passes its checksum. Redis then reads the value
    /// from the whole payload, footer included, so a value whose last string runs into the footer is taken as it reads.
    /// </summary>
    public static bool IsSound(byte[] payload)
    {
        if (payload.Length < FooterSize) return false;
        var footer = payload.AsSpan(payload.Length - FooterSize);
        if (BinaryPrimitives.ReadUInt16LittleEndian(footer) > RdbType.Version) return false;
        return BinaryPrimitives.ReadUInt64LittleEndian(footer[2..]) == Crc64.Compute(payload.AsSpan(0, payload.Length - 8));
    }
}
