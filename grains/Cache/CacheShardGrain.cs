using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using DataTier.Cache.Rebalancing;
using DataTier.Cache.Replication;
using DataTier.Cache.Snapshots;
using DataTier.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Cache;

/// <summary>
/// A slot range of the cache, placed on the consistent-hash ring. Stays active until it moves: the
/// rebalancer migrates it to its ring owner when silos join or leave, and its keys travel with it.
/// </summary>
[Placement.ConsistentHashPlacement]
public sealed partial class CacheShardGrain(CacheMemoryBudget budget, LocalCacheShards local, ShardRunner runner, ParkedShards parked, IServiceProvider services)
    : Grain, ICacheShardGrain, IGrainMigrationParticipant
{
    private const string EntriesKey = "entries";
    private const string CountersKey = "counters";
    private const string ArrivalsKey = "arrivals";
    private const string SeqKey = "seq";
    private const string ResumeKey = "replication";
    /// <summary>Hand-over tokens remembered per activation (a shard that moves on still answers for its last moves).</summary>
    private const int ArrivalsKept = 16;
    private CacheKeyspace _keyspace = null!;
    private List<EntrySnapshot>? _migrated;
    private ShardCounters? _migratedCounters;
    private List<Guid> _arrivals = [];
    private long _seq;
    private ReplicationResume? _resume;
    private ShardReplicator? _replicator;

    private int Replicas => services.GetRequiredService<IOptions<CacheOptions>>().Value.Replicas;

    /// <summary>Snapshots need the table store; a cache-only silo without one keeps keys in memory only.</summary>
    private CacheSnapshotStore? Snapshots => services.GetService<ITableStore>() is { } store ? new CacheSnapshotStore(store) : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _keyspace = new CacheKeyspace(budget);
        // A shard that starts anew (not migrated, which brings its keys along) takes over from its most
        // advanced replica (its owner's silo died), or else restores its latest snapshot, if any.
        if (_migrated is null && Replicas > 0 && await ReplicaPromotion.TakeOverAsync(GrainFactory, services.GetRequiredService<IClusterMembershipService>(), this.GetGrainId(), Replicas, services.GetRequiredService<ILogger<CacheShardGrain>>()) is { } promoted)
        {
            _migrated = promoted.Entries;
            _seq = promoted.Seq;
        }
        if (_migrated is null && Snapshots is { } snapshots && await snapshots.LoadAsync((int)this.GetPrimaryKeyLong()) is { } saved)
            _migrated = CacheSnapshotCodec.Decode(saved);
        if (_migratedCounters is not null) _keyspace.Counters.Add(_migratedCounters);
        if (_migrated is not null)
        {
            lock (_keyspace.Gate)
            {
                _keyspace.Now = runner.Now();
                foreach (var snapshot in _migrated)
                    if (snapshot.ExpiresAt == 0 || snapshot.ExpiresAt > _keyspace.Now)
                    {
                        var entry = _keyspace.Add(snapshot.Key, snapshot.ToValue(), snapshot.ExpiresAt);
                        entry.Flags = snapshot.Flags;
                        entry.Cas = Math.Max(entry.Cas, snapshot.Cas + 1);
                    }
            }
        }
        _migrated = null;
        _migratedCounters = null;
        // After the keys it starts with are in: loading them is not news, as Redis loading its RDB file is not.
        _keyspace.Events = services.GetService<Notifications.KeyspaceNotifier>();
        _keyspace.Tracking = services.GetService<Tracking.KeyInvalidations>();
        _keyspace.Hold = services.GetService<DatasetHold>();
        _keyspace.Timings = services.GetService<Diagnostics.CommandTimings>();
        // A cache shard holds its data only in memory: it must not be collected when idle.
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        local.Add(new LocalShard((int)this.GetPrimaryKeyLong(), this.GetGrainId(), this.AsReference<ICacheShardGrain>(), _keyspace));
        if (Replicas > 0)
        {
            var metrics = services.GetRequiredService<CacheReplicationMetrics>();
            _replicator = new ShardReplicator(_keyspace, this.GetGrainId(), services.GetRequiredService<ILocalSiloDetails>().SiloAddress, Replicas, _seq, _resume,
                GrainFactory, services.GetRequiredService<IClusterMembershipService>(), metrics.Replicators, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<ShardReplicator>>());
            _replicator.Start();
            metrics.Replicators.Add(_replicator);
        }
        _resume = null;
    }

    public async Task<long> Save()
    {
        if (Snapshots is not { } snapshots) throw new InvalidOperationException("No durable store is configured for cache snapshots");
        List<EntrySnapshot> entries;
        long now;
        lock (_keyspace.Gate)
        {
            now = runner.Now();
            _keyspace.Now = now;
            entries = new List<EntrySnapshot>(_keyspace.Count);
            foreach (var entry in _keyspace.Entries)
                if (!entry.IsExpiredAt(now)) entries.Add(EntrySnapshot.Of(entry));
        }
        await snapshots.SaveAsync((int)this.GetPrimaryKeyLong(), CacheSnapshotCodec.Encode(entries), now);
        return entries.Count;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        local.Remove((int)this.GetPrimaryKeyLong(), _keyspace);
        LogDeactivating(services.GetRequiredService<ILogger<CacheShardGrain>>(), this.GetGrainId(), reason.ReasonCode, reason.Description, _keyspace.Count);
        // Replicas keep what they have: clearing here must not reach them, and the next owner takes over from them.
        if (_replicator is not null)
        {
            services.GetRequiredService<CacheReplicationMetrics>().Replicators.Remove(_replicator);
            // A migrating shard keeps marking changes until its keys are packed, and carries them on (OnDehydrate).
            if (reason.ReasonCode == DeactivationReasonCode.Migrating)
            {
                await _replicator.StopAsync();
                return;
            }
            await _replicator.DisposeAsync();
            // Read once the feed is detached (no change is marked on it after): the next activation numbers on from
            // past the changes still waiting here, so its first full copy covers what clients' WAIT waits for.
            _seq = _replicator.PendingSeq;
            _replicator = null;
        }
        // Migration dehydrates after this: the keys must still be here then.
        if (reason.ReasonCode == DeactivationReasonCode.Migrating) return;
        lock (_keyspace.Gate)
        {
            if (!_keyspace.Closed)
            {
                _keyspace.Clear();
                _keyspace.Close();
            }
        }
    }

    public Task<CacheReply[]> Execute(ShardCommand[] commands) =>
        Task.FromResult(runner.TryRun(_keyspace, commands) ?? throw new InvalidOperationException("The shard has moved"));

    public Task<ShardExecution> ExecuteNoting(ShardCommand[] commands) =>
        Task.FromResult(new ShardExecution(runner.TryRun(_keyspace, commands, out var seq) ?? throw new InvalidOperationException("The shard has moved"), seq));

    public async Task<int> AwaitReplicas(long seq, int needed, TimeSpan wait)
    {
        if (_replicator is not { } replicator) return 0;
        return await replicator.AwaitAcknowledgedAsync(seq < 0 ? replicator.PendingSeq : seq, needed, wait);
    }

    public Task<EntrySnapshot?> Export(byte[] key)
    {
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            var entry = _keyspace.Write(key);
            return Task.FromResult(entry is null ? null : EntrySnapshot.Of(entry));
        }
    }

    public Task<bool> Import(EntrySnapshot snapshot, bool onlyIfAbsent, string? notify = null, string? origin = null)
    {
        bool stored;
        KeyWaiterSignals? signals;
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            var outer = _keyspace.Origin;
            _keyspace.Origin = origin ?? outer;
            try
            {
                stored = ImportLocked(snapshot, onlyIfAbsent);
            }
            finally
            {
                _keyspace.Origin = outer;
            }
            if (stored && notify is not null) _keyspace.Notify(Notifications.KeyspaceEventNames.TypeOf(notify), notify, snapshot.Key);
            signals = _keyspace.TakeSignals();
        }
        // A list or sorted set stored here from another shard (RENAME, COPY, a STORE form) wakes its waiters now, as a push does.
        runner.Signal(signals);
        return Task.FromResult(stored);
    }

    public Task<bool> HasArrived(Guid token) => Task.FromResult(_arrivals.Contains(token));

    public Task<int> Restore(Guid token, List<EntrySnapshot> entries)
    {
        if (_arrivals.Contains(token)) return Task.FromResult(0);
        Remember(token);
        var restored = 0;
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            // Keys a failed migration hands back are not news (as the ones a migration brings).
            var events = _keyspace.Events;
            _keyspace.Events = null;
            foreach (var snapshot in entries)
                if ((snapshot.ExpiresAt == 0 || snapshot.ExpiresAt > _keyspace.Now) && ImportLocked(snapshot, onlyIfAbsent: true)) restored++;
            _keyspace.Events = events;
        }
        return Task.FromResult(restored);
    }

    private bool ImportLocked(EntrySnapshot snapshot, bool onlyIfAbsent)
    {
        if (onlyIfAbsent && _keyspace.Find(snapshot.Key) is not null) return false;
        _keyspace.Put(snapshot);
        return true;
    }

    private void Remember(Guid token)
    {
        _arrivals.Add(token);
        if (_arrivals.Count > ArrivalsKept) _arrivals.RemoveAt(0);
    }

    public Task<ShardInfo> GetInfo()
    {
        lock (_keyspace.Gate)
        {
            var counters = new ShardCounters();
            counters.Add(_keyspace.Counters);
            return Task.FromResult(new ShardInfo(_keyspace.Count, _keyspace.VolatileCount, _keyspace.UsedBytes, counters,
                _replicator?.Seq ?? 0, _replicator is null ? null : [.. _replicator.Progress()]));
        }
    }

    public Task Rebalance(SiloAddress? target = null)
    {
        if (target is not null) RequestContext.Set(Orleans.Runtime.Placement.IPlacementDirector.PlacementHintKey, target);
        MigrateOnIdle();
        return Task.CompletedTask;
    }

    public void OnDehydrate(IDehydrationContext context)
    {
        List<EntrySnapshot> entries;
        lock (_keyspace.Gate)
        {
            entries = new List<EntrySnapshot>(_keyspace.Count);
            foreach (var entry in _keyspace.Entries) entries.Add(EntrySnapshot.Of(entry));
            context.TryAddValue(EntriesKey, entries);
            context.TryAddValue(CountersKey, _keyspace.Counters);
            if (_replicator is not null)
            {
                context.TryAddValue(ResumeKey, _replicator.Carry());
                _replicator = null;
            }
            _keyspace.Close();
        }
        // Migration may drop the package silently: keep a copy here until the shard confirms it arrived.
        var token = Guid.NewGuid();
        Remember(token);
        context.TryAddValue(ArrivalsKey, _arrivals);
        context.TryAddValue(SeqKey, _seq);
        parked.Park((int)this.GetPrimaryKeyLong(), token, entries);
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetValue<List<EntrySnapshot>>(EntriesKey, out var entries)) _migrated = entries;
        if (context.TryGetValue<ShardCounters>(CountersKey, out var counters)) _migratedCounters = counters;
        if (context.TryGetValue<List<Guid>>(ArrivalsKey, out var arrivals) && arrivals is not null) _arrivals = arrivals;
        if (context.TryGetValue<long>(SeqKey, out var seq)) _seq = seq;
        if (context.TryGetValue<ReplicationResume>(ResumeKey, out var resume)) _resume = resume;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} deactivates ({Reason}: {Description}) with {Count} keys")]
    private static partial void LogDeactivating(ILogger logger, GrainId shard, DeactivationReasonCode reason, string description, int count);
}
