using DataTier.Cache.Keyspace;
using DataTier.Placement;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Replication;

/// <summary>
/// The owner side of a shard's replication: one loop per owner activation that wakes on the
/// shard's <see cref="ShardChangeFeed"/>, drains it under the gate and pushes the batch to each
/// replica in parallel, waiting for their acknowledgements before the next batch (so batches grow
/// under load instead of queueing). A new replica, one that missed a batch, or one that answers that
/// the batch does not follow what it has, gets a full copy instead. Writes are acknowledged to
/// clients before they reach the replicas: asynchronous, as Redis replication is.
/// The owner also keeps its replicas in their places: a replica that answers from another silo than
/// the ring gives it (after silos joined or left) is asked to move, with its keys. Only a live owner
/// does this, so a replica stays where it is while its dead owner's shard has yet to take it over.
/// A shard that migrates with its keys carries its epoch, sequence number and undrained changes
/// (<see cref="ReplicationResume"/>): its next activation goes on with deltas, and replicas that kept up need no full copy.
/// </summary>
public sealed partial class ShardReplicator : IAsyncDisposable
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    /// <summary>Without changes, each replica still gets an empty batch this often: it proves it still has the copy, and tells where it lives.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);
    /// <summary>How long a replica asked to move gets before it is asked again.</summary>
    private static readonly TimeSpan MoveInterval = TimeSpan.FromSeconds(5);

    private readonly CacheKeyspace _keyspace;
    private readonly GrainId _owner;
    private readonly IGrainFactory _grains;
    private readonly IClusterMembershipService _membership;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SiloAddress _silo;
    private readonly Replica[] _replicas;
    private readonly CancellationTokenSource _stop = new();
    private readonly Guid _epoch;
    private readonly LocalShardReplicators _local;
    private readonly object _ackLock = new();
    /// <summary>Completed at the next acknowledgement; made only while a WAIT waits on this shard.</summary>
    private TaskCompletionSource? _acked;
    private Task _loop = Task.CompletedTask;
    private MembershipVersion _ringVersion = MembershipVersion.MinValue;
    private ConsistentHashRing<SiloAddress>? _ring;

    public ShardReplicator(CacheKeyspace keyspace, GrainId owner, SiloAddress silo, int replicas, long startSeq, ReplicationResume? resume,
        IGrainFactory grains, IClusterMembershipService membership, LocalShardReplicators local, TimeProvider time, ILogger logger)
    {
        _local = local;
        _silo = silo;
        _keyspace = keyspace;
        _owner = owner;
        _grains = grains;
        _membership = membership;
        _time = time;
        _logger = logger;
        _epoch = resume?.Epoch ?? Guid.NewGuid();
        Feed = new ShardChangeFeed(resume?.Seq ?? startSeq, time);
        if (resume is not null) Feed.Restore(resume);
        // Resumed, the replicas are taken to hold what was drained; one that does not refuses the first delta and gets a full copy.
        _replicas = Enumerable.Range(1, replicas)
            .Select(k => new Replica(k, grains.GetGrain<ICacheReplicaGrain>(ReplicaKey.For(owner, k))) { NeedsFull = resume is null })
            .ToArray();
    }

    public ShardChangeFeed Feed { get; }

    /// <summary>Attaches the feed to the keyspace and starts pushing (a full copy first).</summary>
    public void Start()
    {
        lock (_keyspace.Gate) _keyspace.Feed = Feed;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The replicas fed now: as many as configured, but no more than the other active silos.</summary>
    public int ActiveReplicas
    {
        get
        {
            var silos = 0;
            foreach (var member in _membership.CurrentSnapshot.Members.Values)
                if (member.Status == SiloStatus.Active) silos++;
            return Math.Min(_replicas.Length, Math.Max(0, silos - 1));
        }
    }

    public long Seq => Feed.Seq;

    /// <summary>The sequence number that covers every change made so far (see <see cref="ShardChangeFeed.PendingSeq"/>).</summary>
    public long PendingSeq
    {
        get
        {
            lock (_keyspace.Gate) return Feed.PendingSeq;
        }
    }

    /// <summary>The fed replicas in sync, on another silo than the owner, that have acknowledged <paramref name="seq"/>.</summary>
    public int Acknowledged(long seq)
    {
        var count = 0;
        for (var i = 0; i < ActiveReplicas; i++)
        {
            var r = _replicas[i];
            if (!r.NeedsFull && !r.Colocated && r.AckedSeq >= seq) count++;
        }
        return count;
    }

    /// <summary>
    /// WAIT's part on this shard: how many replicas have acknowledged <paramref name="seq"/>, once at least
    /// <paramref name="needed"/> have, or when <paramref name="wait"/> has passed or the replicator stops. It wakes on
    /// each acknowledgement rather than polling.
    /// </summary>
    public async Task<int> AwaitAcknowledgedAsync(long seq, int needed, TimeSpan wait)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            // Taken before counting, so an acknowledgement between the two is not missed.
            var acked = NextAcknowledgement();
            var count = Acknowledged(seq);
            var left = wait - _time.GetElapsedTime(started);
            if (count >= needed || left <= TimeSpan.Zero || _stop.IsCancellationRequested) return count;
            await Task.WhenAny(acked, Task.Delay(left, _time));
        }
    }

    private Task NextAcknowledgement()
    {
        lock (_ackLock) return (_acked ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    private void SignalAcknowledgement()
    {
        TaskCompletionSource? acked;
        lock (_ackLock)
        {
            acked = _acked;
            _acked = null;
        }
        acked?.TrySetResult();
    }

    /// <summary>Each fed replica's acknowledged sequence number and lag (ms since the oldest change it lacks).</summary>
    public List<ReplicaProgress> Progress()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var dirtySince = Feed.DirtySince;
        var progress = new List<ReplicaProgress>();
        for (var i = 0; i < ActiveReplicas; i++)
        {
            var r = _replicas[i];
            var behind = Math.Max(r.BehindSince, 0);
            var oldest = behind == 0 ? dirtySince : dirtySince == 0 ? behind : Math.Min(behind, dirtySince);
            progress.Add(new ReplicaProgress(r.Index, r.AckedSeq, oldest == 0 ? 0 : Math.Max(0, now - oldest), !r.NeedsFull && !r.Colocated));
        }
        return progress;
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await PushOnceAsync(token);
                // A replica left behind is retried on the next change or after a pause.
                await Feed.WaitAsync(_replicas.Any(r => r.NeedsFull) ? RetryInterval : ProbeInterval, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task PushOnceAsync(CancellationToken token)
    {
        var count = ActiveReplicas;
        ReplicaBatch delta;
        ReplicaBatch? full = null;
        lock (_keyspace.Gate)
        {
            if (_keyspace.Closed || _keyspace.Feed != Feed) return;
            _keyspace.Now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var changedAt = Feed.DirtySince;
            delta = Feed.Drain(_keyspace, _epoch);
            for (var i = 0; i < count; i++)
            {
                if (_replicas[i].NeedsFull) full ??= Feed.Full(_keyspace, _epoch);
                else if (!delta.IsEmpty && _replicas[i].BehindSince == 0) _replicas[i].BehindSince = changedAt;
            }
        }
        var ring = CurrentRing();
        var pushes = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var replica = _replicas[i];
            var batch = replica.NeedsFull ? full! : delta;
            if (batch.IsEmpty && _time.GetElapsedTime(replica.LastContact) < ProbeInterval) continue;
            pushes.Add(PushAsync(replica, batch, ring, token));
        }
        await Task.WhenAll(pushes);
    }

    private async Task PushAsync(Replica replica, ReplicaBatch batch, ConsistentHashRing<SiloAddress>? ring, CancellationToken token)
    {
        try
        {
            var ack = await replica.Grain.Apply(batch).WaitAsync(PushTimeout, token);
            replica.LastContact = _time.GetTimestamp();
            replica.Colocated = ack.Silo.Equals(_silo);
            if (ack.Applied && ring is not null) MoveIfMisplaced(replica, ack.Silo, ring);
            if (ack.Applied)
            {
                if (batch.Full) _local.CountFullSync();
                replica.AckedSeq = batch.ToSeq;
                replica.NeedsFull = false;
                replica.BehindSince = 0;
                SignalAcknowledgement();
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            LogPushFailed(_logger, e, _owner, replica.Index);
        }
        if (replica.BehindSince == 0) replica.BehindSince = _time.GetUtcNow().ToUnixTimeMilliseconds();
        replica.NeedsFull = true;
    }

    /// <summary>The ring of the active silos, rebuilt when the membership changes; null when none is active.</summary>
    private ConsistentHashRing<SiloAddress>? CurrentRing()
    {
        var snapshot = _membership.CurrentSnapshot;
        if (_ring is not null && _ringVersion == snapshot.Version) return _ring;
        var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToArray();
        if (active.Length == 0) return null;
        _ring = new ConsistentHashRing<SiloAddress>(active, ConsistentHashPlacementDirector.SiloIdentity);
        _ringVersion = snapshot.Version;
        return _ring;
    }

    private void MoveIfMisplaced(Replica replica, SiloAddress current, ConsistentHashRing<SiloAddress> ring)
    {
        if (replica.Index >= ring.SiloCount || ReplicaKey.SiloOf(ring, _owner, replica.Index).Equals(current)) return;
        if (replica.MoveRequested != 0 && _time.GetElapsedTime(replica.MoveRequested) < MoveInterval) return;
        replica.MoveRequested = _time.GetTimestamp();
        _ = replica.Grain.Rebalance().ContinueWith(t => LogMoveFailed(_logger, t.Exception!, _owner, replica.Index), TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Stops pushing but leaves the feed attached, so changes made until the shard's keys are packed are still marked (see <see cref="Carry"/>).</summary>
    public async ValueTask StopAsync()
    {
        await _stop.CancelAsync();
        SignalAcknowledgement();
        await _loop;
    }

    /// <summary>After <see cref="StopAsync"/>: detaches the feed and returns what the next activation resumes from. The caller holds the gate.</summary>
    public ReplicationResume Carry()
    {
        if (_keyspace.Feed == Feed) _keyspace.Feed = null;
        _stop.Dispose();
        return Feed.Carry(_epoch);
    }

    /// <summary>Detaches the feed (the caller holds no gate) and stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_keyspace.Gate)
            if (_keyspace.Feed == Feed) _keyspace.Feed = null;
        await StopAsync();
        _stop.Dispose();
    }

    private sealed class Replica(int index, ICacheReplicaGrain grain)
    {
        public int Index => index;
        public ICacheReplicaGrain Grain => grain;
        public bool NeedsFull { get; set; } = true;
        public long AckedSeq { get; set; }
        /// <summary>Whether it answered from the owner's own silo (until the rebalancer moves it, it protects nothing).</summary>
        public bool Colocated { get; set; }
        public long LastContact { get; set; }
        public long MoveRequested { get; set; }
        /// <summary>Unix ms of the oldest change this replica lacks, or 0.</summary>
        public long BehindSince { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Asking replica {Replica} of {Shard} to move failed")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception, GrainId shard, int replica);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replicating {Shard} to its replica {Replica} failed; it gets a full copy next")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, GrainId shard, int replica);
}
