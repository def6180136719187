using System.Buffers.Binary;
using System.Text;

namespace DataTier.Store.DynamoDb;

/// <summary>
/// Row keys of the store table (partition key <c>pk</c> S, sort key <c>sk</c> B). Each table id owns
/// four item collections: items by position, change records by log and sequence, batch intents by
/// batch id, and blob chunks of large values. Catalog entries share one collection.
/// </summary>
internal static class StoreKeys
{
    public const string Catalog = "m";

    public static string Items(Guid tableId) => "i/" + tableId.ToString("N");

    public static string Changes(Guid tableId) => "c/" + tableId.ToString("N");

    public static string Intents(Guid tableId) => "x/" + tableId.ToString("N");

    public static string Blobs(Guid tableId) => "b/" + tableId.ToString("N");

    /// <summary>Local index entries of a table: sort key is the index name (2-byte length, UTF-8), then the entry's position.</summary>
    public static string Indexes(Guid tableId) => "n/" + tableId.ToString("N");

    public static byte[] IndexPrefix(string index)
    {
        var name = Encoding.UTF8.GetBytes(index);
        var key = new byte[2 + name.Length];
        BinaryPrimitives.WriteUInt16BigEndian(key, (ushort)name.Length);
        name.CopyTo(key, 2);
        return key;
    }

    public static IEnumerable<string> AllOf(Guid tableId) => [Items(tableId), Changes(tableId), Intents(tableId), Blobs(tableId), Indexes(tableId)];

    /// <summary>Log name (2-byte length, UTF-8), then the sequence big-endian: one log's records are contiguous and in order.</summary>
    public static byte[] Change(string log, long sequence)
    {
        var name = Encoding.UTF8.GetBytes(log);
        var key = new byte[2 + name.Length + 8];
        BinaryPrimitives.WriteUInt16BigEndian(key, (ushort)name.Length);
        name.CopyTo(key, 2);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(2 + name.Length), sequence);
        return key;
    }

    public static long SequenceOf(ReadOnlySpan<byte> changeKey) => BinaryPrimitives.ReadInt64BigEndian(changeKey[^8..]);

    /// <summary>A blob reference is 16 bytes of id and 2 of sub-id; its chunks follow with a 2-byte index.</summary>
    public static byte[] BlobRef(Guid id, ushort sub)
    {
        var key = new byte[18];
        id.TryWriteBytes(key, bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(16), sub);
        return key;
    }

    public static byte[] BlobChunk(byte[] blobRef, int index)
    {
        var key = new byte[20];
        blobRef.CopyTo(key, 0);
        BinaryPrimitives.WriteUInt16BigEndian(key.AsSpan(18), (ushort)index);
        return key;
    }

    public static byte[] Intent(Guid batchId) => BlobRef(batchId, 0)[..16];

    public static Guid BatchOf(ReadOnlySpan<byte> intentKey) => new(intentKey[..16], bigEndian: true);
}
