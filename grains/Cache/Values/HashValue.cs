using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Values;

/// <summary>A Redis hash: fields to values, in insertion order as far as the dictionary keeps it.</summary>
public sealed class HashValue
{
    public const int EntryOverhead = 64;

    public Dictionary<byte[], byte[]> Fields { get; } = new(ByteArrayComparer.Instance);

    /// <summary>Accounted size of the fields and values.</summary>
    public long Bytes { get; private set; }

    public int Count => Fields.Count;

    /// <summary>
    /// Whether Redis would hold this hash as a hash table rather than a listpack: once it has had more than 512 fields or
    /// a field or value longer than 64 bytes (hash-max-listpack-entries and -value); Redis never converts back.
    /// </summary>
    public bool IsHashtable { get; private set; }

    public void ConvertToHashtable() => IsHashtable = true;

    /// <summary>Back to a listpack, which only RESTORE does: Redis 7.0 keeps a restored listpack up to 512 fields, however long its values.</summary>
    public void ConvertToListpack() => IsHashtable = false;

    public byte[]? Get(byte[] field) => Fields.GetValueOrDefault(field);

    private ScanOrder? _scanOrder;

    /// <summary>HSCAN's page order while the hash is a hash table.</summary>
    public ScanOrder ScanOrder => _scanOrder ??= ScanOrder.Of(Fields.Keys, Fields.Count);

    /// <summary>Frees the page order once a scan has reached its end.</summary>
    public void ReleaseScanOrder() => _scanOrder = null;

    /// <summary>The memory the page order holds while a scan goes on, counted against maxmemory with the value.</summary>
    public long ScanOrderBytes => _scanOrder?.Bytes ?? 0;

    /// <summary>Sets a field; true when it is new.</summary>
    public bool Set(byte[] field, byte[] value)
    {
        if (field.Length > ListpackLimits.MaxValueBytes || value.Length > ListpackLimits.MaxValueBytes) IsHashtable = true;
        if (Fields.TryGetValue(field, out var old))
        {
            Bytes += value.Length - old.Length;
            Fields[field] = value;
            return false;
        }
        Fields[field] = value;
        _scanOrder = null;
        Bytes += EntryOverhead + field.Length + value.Length;
        if (Fields.Count > ListpackLimits.HashMaxEntries) IsHashtable = true;
        return true;
    }

    public bool Remove(byte[] field)
    {
        if (!Fields.Remove(field, out var old)) return false;
        Bytes -= EntryOverhead + field.Length + old.Length;
        return true;
    }
}
