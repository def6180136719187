using DataTier.Catalog;
using DataTier.Tables;
using Microsoft.Extensions.Logging;

namespace DataTier.Partitions;

/// <summary>
/// Splits (DESIGN.md, decisions 1 and 5). The catalog fences the partition (<see cref="Fence"/>): in
/// that grain turn no write is under way, so the change logs end at their last record and nothing
/// more is written. The catalog then commits the map with the two children and tells this partition,
/// which is retired from then on: reads of its closed stream shard still work, a transaction's commit
/// or abort goes on to the children, and every other request gets <see cref="PartitionRetiredException"/>
/// so the router refreshes the map. The items stay where they are in the store; the children own
/// halves of the range and load them from there. A timer compares the partition's size and request
/// rate with the thresholds of <see cref="Configuration.PartitionOptions"/> and asks the catalog to split.
/// </summary>
public sealed partial class PartitionGrain
{
    private bool _retired;
    private bool _fenced;
    private IGrainTimer? _fenceTimer;
    private IGrainTimer? _splitTimer;
    private double _writeUnits;
    private long _unitsSinceMs;

    private bool Serving => !_retired && !_fenced;

    public Task Fence()
    {
        if (_retired) return Task.CompletedTask;
        _fenced = true;
        PublishView();
        _fenceTimer?.Dispose();
        var timeout = options.Value.SplitFenceTimeout;
        _fenceTimer = this.RegisterGrainTimer(CheckFenceAsync, timeout, timeout);
        return Task.CompletedTask;
    }

    public Task Unfence()
    {
        _fenced = false;
        PublishView();
        _fenceTimer?.Dispose();
        _fenceTimer = null;
        return Task.CompletedTask;
    }

    /// <summary>The split was committed: stop serving for good (the description the caller holds names the children).</summary>
    private void Retire()
    {
        _retired = true;
        _fenced = false;
        PublishView();
        foreach (var timer in new[] { _fenceTimer, _splitTimer, _sweepTimer, _lockTimer }) timer?.Dispose();
        _fenceTimer = _splitTimer = _sweepTimer = _lockTimer = null;
        _locks.Clear();
        // The cache stays, unread, for the children to take (TakeCachedItems).
        _stats = null;
        // The feeders of global indexes drain the closed log; the children's feeders wait for them.
        if (_table is { GlobalIndexes.Count: > 0 } table) PromptFeeders(table);
        LogRetired(logger, this.GetPrimaryKeyString());
    }

    /// <summary>A fence the catalog never followed up (it failed mid-split): serve again unless the split was committed.</summary>
    private async Task CheckFenceAsync(CancellationToken cancellationToken)
    {
        if (!_fenced || _table is null) return;
        var current = await GrainFactory.GetGrain<ITableCatalogGrain>(0).DescribeById(_table.Id);
        if (!_fenced) return;
        if (current is null || current.Partitions.IsRetired(_partition))
        {
            _table = current ?? _table;
            Retire();
            return;
        }
        LogFenceLifted(logger, this.GetPrimaryKeyString());
        await Unfence();
    }

    private TableDescription EnsureServing()
    {
        var table = EnsureTable();
        if (!Serving) throw new PartitionRetiredException(table.Id, _partition);
        return table;
    }

    /// <summary>On a retired partition, runs <paramref name="call"/> on its children (and theirs, if they split too); false while it serves.</summary>
    private async Task<bool> ForwardToChildrenAsync(Func<IPartitionGrain, Task> call)
    {
        if (Serving) return false;
        var table = EnsureTable();
        if (!_retired || table.Partitions.SplitOf(_partition) is not { } split) throw new PartitionRetiredException(table.Id, _partition);
        await Task.WhenAll(new[] { split.Left, split.Right }.Select(id => call(GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id)))));
        return true;
    }

    public Task<List<CachedEntry>> TakeCachedItems(ulong firstHash, ulong lastHash) =>
        Task.FromResult(Serving || _cache is null ? [] : _cache.Take(firstHash, lastHash));

    /// <summary>
    /// A child of a split starts with what its parent held in memory of its range, instead of reading
    /// every hot item from the store again. The parent wrote nothing since it was fenced, and hands each
    /// item over once, so what arrives is the items as committed. Without it (the parent gone, or slow),
    /// items load from the store as they are read.
    /// </summary>
    private async Task TakeParentItemsAsync(TableDescription table, int parent)
    {
        try
        {
            var entries = await GrainFactory.GetGrain<IPartitionGrain>(table.PartitionGrainKey(parent))
                .TakeCachedItems(_firstHash, _lastHash).WaitAsync(ParentItemsTimeout);
            _cache.Import(entries);
            if (entries.Count > 0) LogTookParentItems(logger, this.GetPrimaryKeyString(), entries.Count, parent);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogParentItemsUnavailable(logger, this.GetPrimaryKeyString(), parent, e);
        }
    }

    private static readonly TimeSpan ParentItemsTimeout = TimeSpan.FromSeconds(5);

    private void CountWrite(int bytes) => _writeUnits += WriteUnits(bytes);

    private static int WriteUnits(int bytes) => Math.Max(1, (bytes + 1023) / 1024);

    /// <summary>
    /// Charges a write's units to a PROVISIONED table's capacity: a transaction's writes cost twice, as in
    /// DynamoDB, and the time-to-live sweeper's deletions cost nothing.
    /// </summary>
    /// <summary>Charges the table a write of an item of <paramref name="bytes"/> and what it cost the local secondary indexes.</summary>
    private void ChargeWrite(int bytes, IReadOnlyDictionary<string, double>? localIndexUnits = null, int factor = 1) =>
        _view.Throughput?.Writes.Charge(factor * (WriteUnits(bytes) + (localIndexUnits?.Values.Sum() ?? 0)));

    private void ScheduleSplitChecks()
    {
        if (!options.Value.SplitEnabled || _splitTimer is not null) return;
        _unitsSinceMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var interval = options.Value.SplitCheckInterval;
        _splitTimer = this.RegisterGrainTimer(CheckSplitAsync, interval, interval);
    }

    /// <summary>Asks the catalog to split this partition when it is too large or served too many units a second since the last check.</summary>
    private async Task CheckSplitAsync(CancellationToken cancellationToken)
    {
        if (!Serving || _table is null || _lastHash == _firstHash) return;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var seconds = Math.Max(0.001, (now - _unitsSinceMs) / 1000.0);
        var (reads, writes) = (_view.TakeReadUnits() / seconds, _writeUnits / seconds);
        (_writeUnits, _unitsSinceMs) = (0, now);
        var settings = options.Value;
        var size = (await GetStats()).SizeBytes;
        string? reason = size > settings.SplitSizeBytes ? $"size {size} bytes"
            : reads > settings.SplitReadUnitsPerSecond ? $"{reads:F0} read units/s"
            : writes > settings.SplitWriteUnitsPerSecond ? $"{writes:F0} write units/s"
            : null;
        if (reason is null) return;
        LogSplitWanted(logger, this.GetPrimaryKeyString(), reason);
        // One-way: the catalog fences this grain as part of the split, so waiting here would deadlock.
        GrainFactory.GetGrain<ITableCatalogGrain>(0).RequestSplit(_table.Id, _partition).Ignore();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition} was split and is retired; its stream shard is closed")]
    private static partial void LogRetired(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Partition {Partition} starts with {Count} items its parent {Parent} held in memory")]
    private static partial void LogTookParentItems(ILogger logger, string partition, int count, int parent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition} starts cold: its parent {Parent} did not hand over its items")]
    private static partial void LogParentItemsUnavailable(ILogger logger, string partition, int parent, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition} was fenced for a split the catalog did not commit; serving again")]
    private static partial void LogFenceLifted(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition} passed a split threshold ({Reason}); asking the catalog to split it")]
    private static partial void LogSplitWanted(ILogger logger, string partition, string reason);
}
