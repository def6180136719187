namespace DataTier.Cache.PubSub;

/// <summary>A silo's pub/sub mailbox, keyed by the silo's address: delivers a message to the subscribers connected to that silo.</summary>
public interface ISiloPubSubGrain : IGrainWithStringKey
{
    /// <summary>Delivers to the silo's subscribers of the channel and of matching patterns; returns how many received it.</summary>
    Task<int> Deliver(byte[] channel, byte[] message);

    /// <summary>Delivers messages in order, each to the silo's subscribers of its channel and of matching patterns (keyspace notifications).</summary>
    [Orleans.Concurrency.OneWay]
    Task DeliverMany(byte[][] channels, byte[][] messages);

    /// <summary>Keys changed on another silo's shards, for this silo's tracking clients (null: a flush).</summary>
    [Orleans.Concurrency.OneWay]
    Task Invalidate(Tracking.KeyChange[] changes);

    /// <summary>A client of the cluster tracks keys: this silo's shards must report their changes.</summary>
    Task StartTracking();

    /// <summary>Sets the silo's notify-keyspace-events classes (CONFIG SET on another silo).</summary>
    Task SetKeyspaceEvents(int flags);

    /// <summary>Delivers a shard message (SPUBLISH) to the silo's subscribers of the shard channel; returns how many received it.</summary>
    Task<int> DeliverSharded(byte[] channel, byte[] message);

    /// <summary>
    /// Wakes the silo's clients blocked on these keys (XREAD and XREADGROUP), and those holding these tickets whose turn
    /// has come (the blocking list and sorted set pops), to try again.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task WakeWaiters(byte[][] keys, Guid[] tickets);

    /// <summary>A Lua script another silo has seen, for EVALSHA here.</summary>
    [Orleans.Concurrency.OneWay]
    Task LoadScript(byte[] script);
}
