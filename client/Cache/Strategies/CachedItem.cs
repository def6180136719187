using System.Buffers.Binary;
using DataTier.Model;

namespace DataTier.Client.Cache.Strategies;

/// <summary>A table item (or its absence) with its version, as the write-through cache stores it.</summary>
internal static class CachedItem
{
    public static byte[] Encode(IReadOnlyDictionary<string, AttrValue>? item, long version)
    {
        if (item is null) return [0];
        var bytes = ItemCodec.Encode(item, prefixBytes: 9);
        bytes[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), version);
        return bytes;
    }

    public static (IReadOnlyDictionary<string, AttrValue>? Item, long Version) Decode(byte[] bytes) =>
        bytes.Length == 0 || bytes[0] == 0
            ? (null, 0)
            : (ItemCodec.Decode(bytes.AsSpan(9)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(1)));
}
