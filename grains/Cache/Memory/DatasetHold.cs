namespace DataTier.Cache.Memory;

/// <summary>
/// Whether this silo's clients are paused (CLIENT PAUSE WRITE or ALL). Meanwhile its shards keep their dataset static,
/// as a paused Redis node does: a key whose time has passed reads as gone but stays in place (no expiry counted,
/// notified, replicated or invalidated until the pause ends), and nothing is evicted.
/// </summary>
public sealed class DatasetHold
{
    private volatile bool _active;

    public bool Active
    {
        get => _active;
        set => _active = value;
    }
}
