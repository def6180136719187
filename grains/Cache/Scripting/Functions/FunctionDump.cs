using System.Buffers.Binary;
using DataTier.Cache.Dump;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// FUNCTION DUMP's payload, as Redis 7.0 writes it: per library the RDB_OPCODE_FUNCTION2 type byte and its code as an
/// RDB string (LZF-compressed when that saves, as DUMP's strings), then the RDB version (2 bytes, little-endian) and the
/// CRC-64 of all before it (8 bytes, little-endian), read and written with DUMP's RDB reader, writer and checksum.
/// </summary>
public static class FunctionDump
{
    /// <summary>RDB_OPCODE_FUNCTION2; Redis 7.0's release candidates wrote another type (246), which is not read here.</summary>
    private const byte Function2 = 245;
    private const ushort RdbVersion = 10;

    public static byte[] Encode(IEnumerable<byte[]> codes)
    {
        var payload = new RdbWriter();
        foreach (var code in codes)
        {
            payload.WriteByte(Function2);
            payload.WriteString(code);
        }
        Span<byte> version = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(version, RdbVersion);
        payload.WriteBytes(version);
        var body = payload.ToArray();
        var crc = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(crc, Crc64.Compute(body));
        return [.. body, .. crc];
    }

    /// <summary>The libraries' codes in the payload, or the error FUNCTION RESTORE answers.</summary>
    public static (List<byte[]>? Codes, string? Error) Decode(byte[] payload)
    {
        if (payload.Length < 10) return (null, "ERR DUMP payload version or checksum are wrong");
        var footer = payload.AsSpan(payload.Length - 10);
        if (BinaryPrimitives.ReadUInt16LittleEndian(footer) > RdbVersion
            || BinaryPrimitives.ReadUInt64LittleEndian(footer[2..]) != Crc64.Compute(payload.AsSpan(0, payload.Length - 8)))
            return (null, "ERR DUMP payload version or checksum are wrong");
        // As in Redis, a library's code is read while more than the footer is left, and may run into the footer.
        var codes = new List<byte[]>();
        var reader = new RdbReader(payload);
        while (payload.Length - reader.Position > 10)
        {
            if (reader.ReadByte() != Function2) return (null, "ERR given type is not a function");
            try
            {
                codes.Add(reader.ReadString());
            }
            catch (DumpFormatException)
            {
                return (null, "ERR Failed loading library payload");
            }
        }
        return (codes, null);
    }
}
