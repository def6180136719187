namespace DataTier.Streams;

/// <summary>
/// The lease and checkpoint of one trigger on one shard (key <c>{trigger}|{tableId:N}|{label}|{partition}</c>),
/// kept in the store: one consumer at a time holds the lease and advances the checkpoint.
/// </summary>
public interface ITriggerShardGrain : IGrainWithStringKey
{
    /// <summary>Takes or renews the lease for <paramref name="owner"/>; the checkpoint (0: nothing processed), or null while another owner holds it.</summary>
    Task<long?> Acquire(string owner, TimeSpan lease);

    /// <summary>Records that every record up to <paramref name="sequence"/> was processed and renews the lease; false if the lease was lost.</summary>
    Task<bool> Commit(string owner, long sequence, TimeSpan lease);

    Task Release(string owner);

    /// <summary>The checkpoint without touching the lease.</summary>
    Task<long> Checkpoint();
}
