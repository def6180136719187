namespace DataTier.Cache;

/// <summary>Settings of the cache (section <c>Cache</c>). Memory settings can be changed at run time with CONFIG SET.</summary>
public sealed class CacheOptions
{
    public const int MaxReplicas = 5;

    /// <summary>Bytes of cached data a silo may hold (all its shards together); 0 means no limit (Redis' <c>maxmemory</c>).</summary>
    public long MaxMemory { get; set; }

    /// <summary>What to do past <see cref="MaxMemory"/>: noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-ttl or volatile-random.</summary>
    public string MaxMemoryPolicy { get; set; } = "noeviction";

    /// <summary>Keys sampled to choose each eviction victim (Redis' <c>maxmemory-samples</c>).</summary>
    public int MaxMemorySamples { get; set; } = 5;

    /// <summary>How often the active expiry sweep runs over each local shard (Redis' <c>hz</c> of 10 is 100 ms).</summary>
    public TimeSpan ActiveExpiryInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Password of the default user for RESP clients (Redis' <c>requirepass</c>); empty means none.</summary>
    public string RequirePass { get; set; } = "";

    /// <summary>Redis' notify-keyspace-events classes (for example <c>KEA</c>, or <c>Ex</c> for expirations), for every silo; empty for none.</summary>
    public string NotifyKeyspaceEvents { get; set; } = "";

    /// <summary>Microseconds from which a command is kept in the silo's slow log (Redis' <c>slowlog-log-slower-than</c>); 0 keeps every command, -1 none.</summary>
    public long SlowLogSlowerThan { get; set; } = 10_000;

    /// <summary>Entries each silo's slow log keeps (Redis' <c>slowlog-max-len</c>).</summary>
    public long SlowLogMaxLength { get; set; } = 128;

    /// <summary>Milliseconds from which a command is a sample of the silo's latency monitor (Redis' <c>latency-monitor-threshold</c>); 0 turns it off.</summary>
    public long LatencyMonitorThreshold { get; set; }

    /// <summary>Further users for RESP clients: name to password.</summary>
    public Dictionary<string, string> Users { get; set; } = [];

    /// <summary>
    /// Users' permissions as Redis ACL rules, ElastiCache's access strings (<c>on ~app:* &amp;* +@all -@dangerous</c>): user name
    /// (<c>default</c> or one of <see cref="Users"/>) to rules. A user without rules may do everything.
    /// </summary>
    public Dictionary<string, string> UserAccess { get; set; } = [];

    /// <summary>How often each silo writes the cache shards it hosts to the durable store; zero (the default) saves only on SAVE or BGSAVE.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.Zero;

    /// <summary>Read replicas per shard (0 to 5), on the next distinct silos of the ring after the shard's owner; fed asynchronously, promoted when the owner's silo dies.</summary>
    public int Replicas { get; set; }

    public EvictionPolicy Policy =>
        EvictionPolicyNames.TryParse(MaxMemoryPolicy, out var policy) ? policy : throw new ArgumentException($"Unknown Cache:MaxMemoryPolicy '{MaxMemoryPolicy}'");

    public void Validate()
    {
        if (MaxMemory < 0) throw new ArgumentOutOfRangeException(nameof(MaxMemory), "must not be negative");
        if (!EvictionPolicyNames.TryParse(MaxMemoryPolicy, out _))
            throw new ArgumentOutOfRangeException(nameof(MaxMemoryPolicy), $"'{MaxMemoryPolicy}' is not an eviction policy");
        if (MaxMemorySamples is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(MaxMemorySamples), "must be between 1 and 64");
        if (SnapshotInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SnapshotInterval), "must not be negative");
        if (Replicas is < 0 or > MaxReplicas) throw new ArgumentOutOfRangeException(nameof(Replicas), $"must be between 0 and {MaxReplicas}");
        if (Notifications.KeyspaceEventFlags.Parse(NotifyKeyspaceEvents) is null)
            throw new ArgumentException(Notifications.KeyspaceEventFlags.InvalidCharacter, nameof(NotifyKeyspaceEvents));
        if (ActiveExpiryInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ActiveExpiryInterval), "must be positive");
        foreach (var (user, rules) in UserAccess)
        {
            if (user != "default" && !Users.ContainsKey(user))
                throw new ArgumentException($"Cache:UserAccess:{user} gives rules to a user that is not configured (Cache:Users:{user})");
            try
            {
                Access.AclRules.Parse(user, rules);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Cache:UserAccess:{user}: {e.Message}");
            }
        }
    }
}
