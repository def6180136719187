using System.Diagnostics.Metrics;
using DataTier.Cache.Memory;
using DataTier.Partitions;
using Microsoft.Extensions.DependencyInjection;

namespace DataTier.Placement.Moves;

/// <summary>
/// The moves this silo started (by its rebalancers and its shutdown hand-offs): those in progress,
/// how many completed, and the last <see cref="RecentCapacity"/> of them. A move completes when the
/// grain leaves this silo's registry of local partitions or cache shards.
/// </summary>
public sealed class MoveLog
{
    public const int RecentCapacity = 256;

    /// <summary>A move that has not completed after this long is dropped from the moves in progress.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(1);

    private readonly object _lock = new();
    private readonly Dictionary<GrainId, MoveRecord> _pending = [];
    private readonly Queue<MoveRecord> _recent = new();
    private readonly SiloAddress _silo;
    private readonly TimeProvider _time;
    private readonly MoveMetrics _metrics;
    private readonly LocalPartitions? _partitions;
    private readonly LocalCacheShards? _shards;
    private long _completed;
    private long _abandoned;

    public MoveLog(IServiceProvider services)
    {
        _silo = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _partitions = services.GetService<LocalPartitions>();
        _shards = services.GetService<LocalCacheShards>();
        _metrics = new MoveMetrics(services.GetRequiredService<IMeterFactory>(), Hosted);
        if (_partitions is not null) _partitions.Removed += Left;
        if (_shards is not null) _shards.Removed += Left;
    }

    public SiloAddress Silo => _silo;

    /// <summary>Notes that <paramref name="grain"/> was asked to move to <paramref name="to"/> (null: wherever placement puts it). Asking again keeps the first start time.</summary>
    public void Begin(MoveKind kind, GrainId grain, SiloAddress? to, MoveCause cause)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(grain, out var current))
            {
                if (!Equals(current.To, to)) _pending[grain] = current with { To = to };
                return;
            }
            _pending[grain] = new MoveRecord(kind, grain.ToString(), _silo, to, cause, _time.GetUtcNow().UtcDateTime);
        }
        _metrics.Started(kind, cause);
    }

    /// <summary>Moves not completed yet, oldest first.</summary>
    public IReadOnlyList<MoveRecord> InProgress()
    {
        DropAbandoned();
        lock (_lock) return [.. _pending.Values.OrderBy(m => m.StartedAt)];
    }

    public long Completed
    {
        get { lock (_lock) return _completed; }
    }

    public long AbandonedCount
    {
        get { DropAbandoned(); lock (_lock) return _abandoned; }
    }

    /// <summary>The last <paramref name="count"/> completed moves, newest first.</summary>
    public IReadOnlyList<MoveRecord> Recent(int count)
    {
        lock (_lock) return [.. _recent.Reverse().Take(Math.Max(0, count))];
    }

    private void Left(GrainId grain)
    {
        MoveRecord done;
        lock (_lock)
        {
            if (!_pending.Remove(grain, out var started)) return;
            done = started with { Duration = _time.GetUtcNow().UtcDateTime - started.StartedAt };
            _completed++;
            _recent.Enqueue(done);
            while (_recent.Count > RecentCapacity) _recent.Dequeue();
        }
        _metrics.Completed(done.Kind, done.Cause, done.Duration!.Value);
    }

    private void DropAbandoned()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        List<MoveRecord> dropped = [];
        lock (_lock)
        {
            foreach (var (grain, move) in _pending.Where(p => now - p.Value.StartedAt > AbandonAfter).ToList())
            {
                _pending.Remove(grain);
                _abandoned++;
                dropped.Add(move);
            }
        }
        foreach (var move in dropped) _metrics.Abandoned(move.Kind, move.Cause);
    }

    private IEnumerable<Measurement<int>> Hosted()
    {
        if (_partitions is not null)
            yield return new Measurement<int>(_partitions.Count, new KeyValuePair<string, object?>("kind", MoveMetrics.Name(MoveKind.Partition)));
        if (_shards is not null)
            yield return new Measurement<int>(_shards.Count, new KeyValuePair<string, object?>("kind", MoveMetrics.Name(MoveKind.CacheShard)));
    }
}
