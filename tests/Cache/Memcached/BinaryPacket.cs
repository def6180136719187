using System.Buffers.Binary;
using System.Text;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>A memcached binary-protocol packet as tests build and read it; <see cref="Describe"/> prints a response with its CAS as "cas" or "0".</summary>
public sealed record BinaryPacket(byte Magic, byte Opcode, ushort Status, uint Opaque, ulong Cas, byte[] Extras, byte[] Key, byte[] Value)
{
    public static BinaryPacket Request(byte opcode, string key = "", byte[]? extras = null, string value = "", ulong cas = 0, uint opaque = 0) =>
        new(0x80, opcode, 0, opaque, cas, extras ?? [], Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(value));

    public byte[] ToBytes()
    {
        var bytes = new byte[24 + Extras.Length + Key.Length + Value.Length];
        bytes[0] = Magic;
        bytes[1] = Opcode;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)Key.Length);
        bytes[4] = (byte)Extras.Length;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), Status);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)(Extras.Length + Key.Length + Value.Length));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), Opaque);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(16), Cas);
        Extras.CopyTo(bytes, 24);
        Key.CopyTo(bytes, 24 + Extras.Length);
        Value.CopyTo(bytes, 24 + Extras.Length + Key.Length);
        return bytes;
    }

    /// <summary>Reads one packet off the stream.</summary>
    public static BinaryPacket Read(Stream stream)
    {
        var header = new byte[24];
        stream.ReadExactly(header);
        var keyLength = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        var extrasLength = header[4];
        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8))];
        stream.ReadExactly(body);
        return new BinaryPacket(header[0], header[1], BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(6)),
            BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)), BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(16)),
            body[..extrasLength], body[extrasLength..(extrasLength + keyLength)], body[(extrasLength + keyLength)..]);
    }

    /// <summary>Flags and expiration, as SET, ADD and REPLACE take them.</summary>
    public static byte[] StorageExtras(uint flags, uint expiration)
    {
        var extras = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(extras, flags);
        BinaryPrimitives.WriteUInt32BigEndian(extras.AsSpan(4), expiration);
        return extras;
    }

    /// <summary>Delta, initial value and expiration, as INCREMENT and DECREMENT take them.</summary>
    public static byte[] ArithmeticExtras(ulong delta, ulong initial, uint expiration)
    {
        var extras = new byte[20];
        BinaryPrimitives.WriteUInt64BigEndian(extras, delta);
        BinaryPrimitives.WriteUInt64BigEndian(extras.AsSpan(8), initial);
        BinaryPrimitives.WriteUInt32BigEndian(extras.AsSpan(16), expiration);
        return extras;
    }

    public static byte[] Expiration(uint seconds)
    {
        var extras = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(extras, seconds);
        return extras;
    }

    /// <summary>A response in one line: opcode, status, opaque, whether it has a CAS, extras in hex, key and value (8-byte values also as a number).</summary>
    public string Describe(string? key = null)
    {
        var value = Value.Length == 8 && Opcode is 0x05 or 0x06 or 0x15 or 0x16
            ? BinaryPrimitives.ReadUInt64BigEndian(Value).ToString()
            : Encoding.ASCII.GetString(Value);
        var shownKey = key is not null && Key.Length > 0 ? key : Encoding.ASCII.GetString(Key);
        return $"op={Opcode:x2} status={Status:x4} opaque={Opaque} cas={(Cas == 0 ? "0" : "cas")} extras={Convert.ToHexString(Extras)} key={shownKey} value={value}";
    }
}
