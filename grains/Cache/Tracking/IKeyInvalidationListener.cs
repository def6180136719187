namespace DataTier.Cache.Tracking;

/// <summary>What a silo does with the keys changed anywhere in the cluster: tell its tracking clients (CLIENT TRACKING).</summary>
public interface IKeyInvalidationListener
{
    /// <summary>
    /// The keys changed, in the order their shards changed them (null when a flush emptied the shards), and beside each
    /// the connection whose command changed it (null for none).
    /// </summary>
    void Invalidate(byte[]?[] keys, string?[] origins);
}
