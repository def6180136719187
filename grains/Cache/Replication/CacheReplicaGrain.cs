using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;

namespace DataTier.Cache.Replication;

/// <summary>
/// Holds a copy of one shard's keys, kept up to date by the owner's <see cref="ShardReplicator"/>.
/// It serves READONLY clients' reads (expiry applies here as on the owner) and, when the owner's
/// silo dies, hands its keys to the shard's next activation. It stays active until it moves.
/// </summary>
[Placement.RingSuccessorPlacement]
public sealed class CacheReplicaGrain(CacheMemoryBudget budget, ShardRunner runner, LocalCacheReplicas local, ILocalSiloDetails silo, Diagnostics.CommandTimings timings)
    : Grain, ICacheReplicaGrain, IGrainMigrationParticipant
{
    private const string EntriesKey = "entries";
    private const string StateKey = "state";
    private CacheKeyspace _keyspace = null!;
    private Guid _epoch;
    private long _seq;
    private List<EntrySnapshot>? _migrated;
    private LocalReplica? _registration;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _keyspace = new CacheKeyspace(budget) { Timings = timings };
        if (_migrated is not null)
        {
            lock (_keyspace.Gate)
            {
                _keyspace.Now = runner.Now();
                foreach (var snapshot in _migrated) Put(snapshot);
            }
            _migrated = null;
        }
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        var context = GrainContext;
        _registration = new LocalReplica(this.AsReference<ICacheReplicaGrain>(), State, ExportLocked,
            () => context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Its shard took over its keys")));
        local.Add(this.GetPrimaryKeyString(), _registration);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_registration is not null) local.Remove(this.GetPrimaryKeyString(), _registration);
        if (reason.ReasonCode == DeactivationReasonCode.Migrating) return Task.CompletedTask;
        lock (_keyspace.Gate)
        {
            _keyspace.Clear();
            _keyspace.Close();
        }
        return Task.CompletedTask;
    }

    public Task<ReplicaAck> Apply(ReplicaBatch batch)
    {
        if (!batch.Full && (batch.Epoch != _epoch || batch.FromSeq != _seq)) return Task.FromResult(new ReplicaAck(false, silo.SiloAddress));
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            if (batch.Flushed) _keyspace.Clear();
            foreach (var change in batch.Changes)
            {
                if (change.Entry is { } entry && (entry.ExpiresAt == 0 || entry.ExpiresAt > _keyspace.Now)) Put(entry);
                else _keyspace.Remove(change.Key);
            }
            _epoch = batch.Epoch;
            _seq = batch.ToSeq;
        }
        return Task.FromResult(new ReplicaAck(true, silo.SiloAddress));
    }

    public Task<CacheReply[]?> Read(ShardCommand[] commands) =>
        Task.FromResult(_epoch == Guid.Empty ? null : runner.TryRun(_keyspace, commands));

    public Task<ReplicaState> GetState() => Task.FromResult(State());

    public Task<List<EntrySnapshot>> Export() => Task.FromResult(ExportLocked());

    /// <summary>These two are also called off the grain's turn (by the silo's locator), so they take the gate.</summary>
    private ReplicaState State()
    {
        lock (_keyspace.Gate) return new ReplicaState(_epoch, _seq, _keyspace.Count);
    }

    private List<EntrySnapshot> ExportLocked()
    {
        lock (_keyspace.Gate)
        {
            _keyspace.Now = runner.Now();
            return Snapshot();
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
            context.TryAddValue(EntriesKey, Snapshot());
            context.TryAddValue(StateKey, new ReplicaState(_epoch, _seq, _keyspace.Count));
            _keyspace.Clear();
            _keyspace.Close();
        }
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetValue<List<EntrySnapshot>>(EntriesKey, out var entries)) _migrated = entries;
        if (context.TryGetValue<ReplicaState>(StateKey, out var state) && state is not null)
        {
            _epoch = state.Epoch;
            _seq = state.Seq;
        }
    }

    private List<EntrySnapshot> Snapshot()
    {
        var entries = new List<EntrySnapshot>(_keyspace.Count);
        foreach (var entry in _keyspace.Entries)
            if (!entry.IsExpiredAt(_keyspace.Now)) entries.Add(EntrySnapshot.Of(entry));
        return entries;
    }

    private void Put(EntrySnapshot snapshot)
    {
        var entry = _keyspace.Put(snapshot);
        entry.Cas = Math.Max(entry.Cas, snapshot.Cas);
    }
}
