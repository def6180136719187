using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Replication;

/// <summary>
/// A shard's change feed for its replicas. The keyspace marks every key whose value, expiry or
/// presence changes (writes, deletions, lazy and active expiry, eviction, FLUSHDB); the replicator
/// drains the marks under the keyspace's gate into a batch of the keys' current states, numbering
/// the changes with consecutive sequence numbers. Marking only collects keys, so a burst of writes
/// to one key sends its last state once.
/// </summary>
public sealed class ShardChangeFeed(long startSeq, TimeProvider time)
{
    private readonly HashSet<byte[]> _dirty = new(ByteArrayComparer.Instance);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private bool _flushed;

    /// <summary>The sequence number of the last change drained.</summary>
    public long Seq { get; private set; } = startSeq;

    /// <summary>
    /// The sequence number a replica must have acknowledged to hold every change made so far: the next batch's when
    /// changes wait to be drained (it numbers at least one). Called under the gate.
    /// </summary>
    public long PendingSeq => _dirty.Count > 0 || _flushed ? Seq + 1 : Seq;

    /// <summary>When the oldest change not yet drained was made (Unix ms), or 0.</summary>
    public long DirtySince { get; private set; }

    /// <summary>Called under the gate by the keyspace.</summary>
    public void Mark(byte[] key)
    {
        if (_dirty.Add(key)) Changed();
    }

    /// <summary>Called under the gate when the keyspace is cleared.</summary>
    public void MarkFlushed()
    {
        _dirty.Clear();
        _flushed = true;
        Changed();
    }

    /// <summary>Takes over the changes a previous activation had not drained (see <see cref="ReplicationResume"/>).</summary>
    public void Restore(ReplicationResume resume)
    {
        foreach (var key in resume.Pending) _dirty.Add(key);
        _flushed |= resume.Flushed;
        if (_dirty.Count > 0 || _flushed) Changed();
    }

    /// <summary>The changes not yet drained, for the shard's next activation. Called under the gate.</summary>
    public ReplicationResume Carry(Guid epoch) => new(epoch, Seq, [.. _dirty], _flushed);

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>The changes since the last drain as a delta batch. The caller holds the keyspace's gate.</summary>
    public ReplicaBatch Drain(CacheKeyspace keyspace, Guid epoch)
    {
        var from = Seq;
        byte[][] keys = [.. _dirty];
        _dirty.Clear();
        var flushed = _flushed;
        _flushed = false;
        DirtySince = 0;
        // Find removes a key that has just expired, which marks it again: it goes out once more next time.
        var changes = new List<ReplicaChange>(keys.Length);
        foreach (var key in keys)
        {
            var entry = keyspace.Find(key);
            changes.Add(new ReplicaChange(key, entry is null ? null : EntrySnapshot.Of(entry)));
        }
        Seq += changes.Count + (flushed ? 1 : 0);
        return new ReplicaBatch(epoch, from, Seq, Full: false, flushed, changes);
    }

    /// <summary>Every live key as a full batch at the current sequence number. The caller holds the gate and has drained first.</summary>
    public ReplicaBatch Full(CacheKeyspace keyspace, Guid epoch)
    {
        var changes = new List<ReplicaChange>(keyspace.Count);
        foreach (var entry in keyspace.Entries)
            if (!entry.IsExpiredAt(keyspace.Now)) changes.Add(new ReplicaChange(entry.Key, EntrySnapshot.Of(entry)));
        return new ReplicaBatch(epoch, Seq, Seq, Full: true, Flushed: true, changes);
    }

    private void Changed()
    {
        if (DirtySince == 0) DirtySince = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }
}
