using System.Buffers.Binary;

namespace DataTier.Store;

/// <summary>
/// Where an item lives inside its table: the partition key's hash, its canonical bytes and the
/// sort key's canonical bytes (empty without a sort key). <see cref="Encode"/> gives the item's
/// position in the table's byte order: hash, then partition key, then sort key.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ItemKey([property: Id(0)] ulong Hash, [property: Id(1)] byte[] PartitionKey, [property: Id(2)] byte[] SortKey)
{
    public byte[] Encode()
    {
        var result = new byte[8 + 2 + PartitionKey.Length + SortKey.Length];
        BinaryPrimitives.WriteUInt64BigEndian(result, Hash);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(8), (ushort)PartitionKey.Length);
        PartitionKey.CopyTo(result, 10);
        SortKey.CopyTo(result, 10 + PartitionKey.Length);
        return result;
    }

    /// <summary>The common prefix of every item with this partition key.</summary>
    public static byte[] EncodePartitionPrefix(ulong hash, ReadOnlySpan<byte> partitionKey)
    {
        var result = new byte[10 + partitionKey.Length];
        BinaryPrimitives.WriteUInt64BigEndian(result, hash);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(8), (ushort)partitionKey.Length);
        partitionKey.CopyTo(result.AsSpan(10));
        return result;
    }

    public static byte[] EncodeHash(ulong hash)
    {
        var result = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(result, hash);
        return result;
    }

    /// <summary>The hash an encoded position (or hash prefix) starts with.</summary>
    public static ulong HashOf(ReadOnlySpan<byte> encoded) => BinaryPrimitives.ReadUInt64BigEndian(encoded);

    public static ItemKey Decode(ReadOnlySpan<byte> encoded)
    {
        var hash = HashOf(encoded);
        var pkLength = BinaryPrimitives.ReadUInt16BigEndian(encoded[8..]);
        return new ItemKey(hash, encoded.Slice(10, pkLength).ToArray(), encoded[(10 + pkLength)..].ToArray());
    }
}
