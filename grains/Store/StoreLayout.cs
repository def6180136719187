using System.Buffers.Binary;
using System.Text;
using DataTier.Keys;

namespace DataTier.Store;

/// <summary>Key prefixes of byte-keyed stores: items, change logs and the table catalog share one keyspace.</summary>
internal static class StoreLayout
{
    private const byte ItemTag = (byte)'i';
    private const byte ChangeTag = (byte)'c';
    private const byte CatalogTag = (byte)'m';
    private const byte IndexTag = (byte)'x';

    public static byte[] TablePrefix(Guid tableId) => Prefixed(ItemTag, tableId, ReadOnlySpan<byte>.Empty);

    public static byte[] ItemKey(Guid tableId, ReadOnlySpan<byte> position) => Prefixed(ItemTag, tableId, position);

    public static ReadOnlySpan<byte> PositionOf(ReadOnlySpan<byte> storeKey) => storeKey[17..];

    /// <summary>All index entries of a table: tag, table id.</summary>
    public static byte[] IndexTablePrefix(Guid tableId) => Prefixed(IndexTag, tableId, ReadOnlySpan<byte>.Empty);

    /// <summary>The entries of one index: tag, table id, name length, name.</summary>
    public static byte[] IndexPrefix(Guid tableId, string index)
    {
        var name = Encoding.UTF8.GetBytes(index);
        return Prefixed(IndexTag, tableId, [(byte)name.Length, .. name]);
    }

    public static byte[] IndexEntryKey(byte[] indexPrefix, ReadOnlySpan<byte> position) => [.. indexPrefix, .. position];

    public static byte[] ChangePrefix(Guid tableId) => Prefixed(ChangeTag, tableId, ReadOnlySpan<byte>.Empty);

    public static byte[] ChangeKey(Guid tableId, string log, long sequence)
    {
        var name = Encoding.UTF8.GetBytes(log);
        var key = new byte[17 + 1 + name.Length + 8];
        key[0] = ChangeTag;
        tableId.TryWriteBytes(key.AsSpan(1), bigEndian: true, out _);
        key[17] = (byte)name.Length;
        name.CopyTo(key, 18);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(18 + name.Length), sequence);
        return key;
    }

    public static long SequenceOf(ReadOnlySpan<byte> changeKey) => BinaryPrimitives.ReadInt64BigEndian(changeKey[^8..]);

    public static byte[] CatalogPrefix() => [CatalogTag];

    public static byte[] CatalogKey(string name) => [CatalogTag, .. Encoding.UTF8.GetBytes(name)];

    public static string CatalogNameOf(ReadOnlySpan<byte> key) => Encoding.UTF8.GetString(key[1..]);

    public static byte[] End(byte[] prefix) => KeyBytes.PrefixSuccessor(prefix) ?? throw new InvalidOperationException("Unbounded prefix");

    /// <summary>An item's stored value: its version (8 bytes, little-endian), then its attributes in <see cref="Model.ItemCodec"/>'s encoding.</summary>
    public static byte[] EncodeValue(long version, IReadOnlyDictionary<string, Model.AttrValue> attributes)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(ValueLength(attributes));
        WriteValue(version, attributes, bytes);
        return bytes;
    }

    /// <summary>
    /// Hands <paramref name="use"/> an item's stored value written in a buffer rented for the call, for a store that
    /// copies it (RocksDB's write batch): a write then allocates no array the size of its item.
    /// </summary>
    public static void WithEncodedValue<TState>(long version, IReadOnlyDictionary<string, Model.AttrValue> attributes, TState state,
        System.Buffers.ReadOnlySpanAction<byte, TState> use)
    {
        var length = ValueLength(attributes);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var value = buffer.AsSpan(0, length);
            WriteValue(version, attributes, value);
            use(value, state);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ValueLength(IReadOnlyDictionary<string, Model.AttrValue> attributes) => 8 + Model.ItemCodec.EncodedSize(attributes);

    private static void WriteValue(long version, IReadOnlyDictionary<string, Model.AttrValue> attributes, Span<byte> destination)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, version);
        Model.ItemCodec.Write(attributes, destination[8..]);
    }

    public static StoredItem DecodeValue(byte[] position, ReadOnlySpan<byte> value) =>
        new(position, BinaryPrimitives.ReadInt64LittleEndian(value), Model.ItemCodec.Decode(value[8..]));

    public static long VersionOf(ReadOnlySpan<byte> value) => value.IsEmpty ? 0 : BinaryPrimitives.ReadInt64LittleEndian(value);

    private static byte[] Prefixed(byte tag, Guid tableId, ReadOnlySpan<byte> rest)
    {
        var key = new byte[17 + rest.Length];
        key[0] = tag;
        tableId.TryWriteBytes(key.AsSpan(1), bigEndian: true, out _);
        rest.CopyTo(key.AsSpan(17));
        return key;
    }
}
