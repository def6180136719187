using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using DataTier.Cache.Snapshots;
using DataTier.Store;
using Microsoft.Extensions.DependencyInjection;

namespace DataTier.Cache;

/// <summary>
/// A slot range of the cache, placed on the consistent-hash ring. Stays active until it moves: the
/// rebalancer migrates it to its ring owner when silos join or leave, and its keys travel with it.
/// </summary>
[Placement.ConsistentHashPlacement]
public sealed class CacheShardGrain(CacheMemoryBudget budget, LocalCacheShards local, ShardRunner runner, IServiceProvider services)
    : Grain, ICacheShardGrain, IGrainMigrationParticipant
{
    private const string EntriesKey = "entries";
    private const string CountersKey = "counters";
    private CacheKeyspace _keyspace = null!;
    private List<EntrySnapshot>? _migrated;
    private ShardCounters? _migratedCounters;

    /// <summary>Snapshots need the table store; a cache-only silo without one keeps keys in memory only.</summary>
    private CacheSnapshotStore? Snapshots => services.GetService<ITableStore>() is { } store ? new CacheSnapshotStore(store) : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _keyspace = new CacheKeyspace(budget);
        // A shard that starts anew (not migrated, which brings its keys along) restores its latest snapshot, if any.
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
        // A cache shard holds its data only in memory: it must not be collected when idle.
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        local.Add(new LocalShard((int)this.GetPrimaryKeyLong(), this.GetGrainId(), this.AsReference<ICacheShardGrain>(), _keyspace));
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

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        local.Remove((int)this.GetPrimaryKeyLong(), _keyspace);
        // Migration dehydrates after this: the keys must still be here then.
        if (reason.ReasonCode == DeactivationReasonCode.Migrating) return Task.CompletedTask;
        lock (_keyspace.Gate)
        {
            if (!_keyspace.Closed)
            {
                _keyspace.Clear();
                _keyspace.Close();
            }
        }
        return Task.CompletedTask;
    }

    public Task<CacheReply[]> Execute(ShardCommand[] commands) =>
        Task.FromResult(runner.TryRun(_keyspace, commands) ?? throw new InvalidOperationException("The shard has moved"));

    public Task<EntrySnapshot?> Export(byte[] key)
    {
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            var entry = _keyspace.Write(key);
            return Task.FromResult(entry is null ? null : EntrySnapshot.Of(entry));
        }
    }

    public Task<bool> Import(EntrySnapshot snapshot, bool onlyIfAbsent)
    {
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            if (onlyIfAbsent && _keyspace.Find(snapshot.Key) is not null) return Task.FromResult(false);
            var entry = _keyspace.Put(snapshot.Key, snapshot.ToValue());
            entry.Flags = snapshot.Flags;
            if (snapshot.ExpiresAt != 0) _keyspace.SetExpiry(entry, snapshot.ExpiresAt);
            return Task.FromResult(true);
        }
    }

    public Task<ShardInfo> GetInfo()
    {
        lock (_keyspace.Gate)
        {
            var counters = new ShardCounters();
            counters.Add(_keyspace.Counters);
            return Task.FromResult(new ShardInfo(_keyspace.Count, _keyspace.VolatileCount, _keyspace.UsedBytes, counters));
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
        lock (_keyspace.Gate)
        {
            var entries = new List<EntrySnapshot>(_keyspace.Count);
            foreach (var entry in _keyspace.Entries) entries.Add(EntrySnapshot.Of(entry));
            context.TryAddValue(EntriesKey, entries);
            context.TryAddValue(CountersKey, _keyspace.Counters);
            _keyspace.Close();
        }
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetValue<List<EntrySnapshot>>(EntriesKey, out var entries)) _migrated = entries;
        if (context.TryGetValue<ShardCounters>(CountersKey, out var counters)) _migratedCounters = counters;
    }
}
