namespace DataTier.Cache.Replication;

/// <summary>
/// The shards one client has sent commands that may change keys, each with the replication sequence number that
/// covered its changes at its last such command there (-1: not known, so WAIT takes every change the shard has made by
/// then). WAIT waits for these. Shards of a pipeline run in parallel, hence the lock.
/// </summary>
public sealed class WrittenShards
{
    private readonly Dictionary<int, long> _seqs = [];

    /// <summary>Notes a write; a later one covers the earlier ones on its shard, as sequence numbers only grow.</summary>
    public void Note(int shard, long seq)
    {
        lock (_seqs) _seqs[shard] = seq;
    }

    public KeyValuePair<int, long>[] Snapshot()
    {
        lock (_seqs) return [.. _seqs];
    }
}
