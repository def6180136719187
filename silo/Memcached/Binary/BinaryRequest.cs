using System.Buffers.Binary;

namespace DataTier.Silo.Memcached.Binary;

/// <summary>
/// One binary-protocol request: the 24-byte header's fields (magic 0x80, opcode, key length, extras length, data type,
/// vbucket, total body length, opaque, CAS) and, once read, its extras, key and value.
/// </summary>
public sealed class BinaryRequest
{
    public const int HeaderLength = 24;
    public const byte RequestMagic = 0x80;

    public byte Opcode { get; private init; }
    public int KeyLength { get; private init; }
    public int ExtrasLength { get; private init; }
    public long BodyLength { get; private init; }
    public uint Opaque { get; private init; }
    public ulong Cas { get; private init; }
    public byte[] Extras { get; set; } = [];
    public byte[] Key { get; set; } = [];
    public byte[] Value { get; set; } = [];

    /// <summary>Set when the request is answered with this error without being run (a body too large to hold).</summary>
    public BinaryStatus? Refused { get; set; }

    /// <summary>The header's fields; null when the magic byte is not a request's.</summary>
    public static BinaryRequest? ParseHeader(ReadOnlySpan<byte> header)
    {
        if (header[0] != RequestMagic) return null;
        return new BinaryRequest
        {
            Opcode = header[1],
            KeyLength = BinaryPrimitives.ReadUInt16BigEndian(header[2..]),
            ExtrasLength = header[4],
            BodyLength = BinaryPrimitives.ReadUInt32BigEndian(header[8..]),
            Opaque = BinaryPrimitives.ReadUInt32BigEndian(header[12..]),
            Cas = BinaryPrimitives.ReadUInt64BigEndian(header[16..]),
        };
    }

    /// <summary>The value's length: what the body holds beyond the extras and the key (negative when they do not fit).</summary>
    public long ValueLength => BodyLength - ExtrasLength - KeyLength;

    public uint ExtrasUInt32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(Extras.AsSpan(offset));

    public ulong ExtrasUInt64(int offset) => BinaryPrimitives.ReadUInt64BigEndian(Extras.AsSpan(offset));
}
