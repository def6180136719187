namespace DataTier.GlobalTables;

/// <summary>
/// The changes of replica groups and table settings this region owes one other region (key: the region's name),
/// kept in order in the store until that region took them: a region that is down while a group or a table's
/// settings change learns of it when it is back, in the order the changes were made.
/// </summary>
public interface IReplicaOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues a message (a replication target of the region's endpoint and its request body) behind those still
    /// owed, and sends what it can; true if the region took everything. What it did not take is retried.
    /// </summary>
    Task<bool> Send(string operation, byte[] body);

    /// <summary>
    /// Sends a message that must reach the region now, with its answer's error: first the messages still owed,
    /// so it does not overtake them (InternalServerError if they cannot be delivered); it is never queued.
    /// </summary>
    Task Call(string operation, byte[] body);

    /// <summary>Loads the queue, if not loaded, and retries it.</summary>
    [Orleans.Concurrency.OneWay]
    Task Poke();
}
