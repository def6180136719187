namespace DataTier.Client.Cache.Strategies;

public sealed class WriteThroughOptions
{
    /// <summary>How long a cached item (or a cached absence) lives; it bounds how stale a cached item can get.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Prefix of the cache keys of table items: <c>{prefix}{table id}:{key}</c>.</summary>
    public string KeyPrefix { get; set; } = "dt:item:";
}
