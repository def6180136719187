namespace DataTier.Cache.Tracking;

/// <summary>What a silo does with the keys changed anywhere in the cluster: tell its tracking clients (CLIENT TRACKING).</summary>
public interface IKeyInvalidationListener
{
    /// <summary>The keys changed, in the order their shards changed them (a null key when a flush emptied a shard), each with the command that changed it.</summary>
    void Invalidate(ReadOnlySpan<KeyChange> changes);
}
