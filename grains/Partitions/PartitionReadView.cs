using DataTier.Model;
using DataTier.Store;
using DataTier.Tables;
using DataTier.Throughput;

namespace DataTier.Partitions;

/// <summary>
/// What an active partition lets the endpoints of its own silo read without a grain call: an
/// eventually consistent read of an item the partition holds in memory. The partition publishes here
/// whether it serves (<see cref="Table"/> is null while it is fenced, retired, dropped or leaving) and
/// whether a transaction holds locks; any read the view cannot answer goes to the grain as before.
/// </summary>
public sealed class PartitionReadView
{
    private readonly ItemCache _cache;
    private readonly ulong _firstHash;
    private readonly ulong _lastHash;
    private readonly TimeProvider _time;
    private long _reads;
    private long _directWrites;
    private long _readUnits;

    internal PartitionReadView(ItemCache cache, ulong firstHash, ulong lastHash, TimeProvider time)
    {
        _cache = cache;
        _firstHash = firstHash;
        _lastHash = lastHash;
        _time = time;
    }

    /// <summary>The partition's description while it serves; null otherwise.</summary>
    internal volatile TableDescription? Table;

    internal volatile bool LocksHeld;

    /// <summary>The partition itself, for writes from this silo's endpoints; null once it deactivates (or with direct writes off).</summary>
    internal volatile IDirectPartitionWriter? Writer;

    /// <summary>The partition's writer when it serves and holds no locks; the writer checks again, under the partition's turn gate.</summary>
    public IDirectPartitionWriter? DirectWriter => Table is not null && !LocksHeld ? Writer : null;

    /// <summary>The capacity a PROVISIONED table's requests are held to on this silo; null when they are held to none.</summary>
    internal volatile TableThroughput? Throughput;

    /// <summary>Reads this partition has served, through the view and through the grain.</summary>
    internal long Reads => Interlocked.Read(ref _reads);

    internal void CountRead() => Interlocked.Increment(ref _reads);

    /// <summary>Writes this partition took from its silo's endpoints without a grain call.</summary>
    internal long DirectWrites => Interlocked.Read(ref _directWrites);

    internal void CountDirectWrite() => Interlocked.Increment(ref _directWrites);

    /// <summary>Counts a read's units for the split checks and charges them to the table's capacity, halved for an eventually consistent read.</summary>
    internal void CountReadUnits(int bytes, bool consistent)
    {
        var units = ReadUnits(bytes);
        Interlocked.Add(ref _readUnits, units);
        Throughput?.Reads.Charge(consistent ? units : units / 2.0);
    }

    /// <summary>Read units this partition served since the last call, through the view and through the grain.</summary>
    internal long TakeReadUnits() => Interlocked.Exchange(ref _readUnits, 0);

    /// <summary>The item as the partition last committed it (null when absent or expired), if it is in memory and nothing stands in the way.</summary>
    public bool TryGet(ItemKey key, out VersionedItem? item, bool consistent = false)
    {
        item = null;
        if (Table is not { } table || LocksHeld || key.Hash < _firstHash || key.Hash > _lastHash) return false;
        if (!_cache.TryGet(key.Encode(), out var cached)) return false;
        // Only a read the view answers is admitted here; one it leaves to the grain is admitted there.
        Throughput?.AdmitRead();
        if (!ItemExpiry.IsExpired(table.TimeToLiveAttribute, cached?.Attributes, _time.GetUtcNow().ToUnixTimeSeconds())) item = cached;
        CountRead();
        CountReadUnits(item?.Size ?? 0, consistent);
        return true;
    }

    private static int ReadUnits(int bytes) => Math.Max(1, (bytes + 4095) / 4096);
}
