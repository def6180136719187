using DataTier.Cache;
using DataTier.Cache.Memory;
using DataTier.Cache.PubSub;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Resp;

/// <summary>What every RESP session of this silo shares.</summary>
public sealed class RespServices(
    CacheRouter router,
    PubSubHub hub,
    CacheMemoryBudget budget,
    RespClients clients,
    IOptions<CacheOptions> cacheOptions,
    IOptions<RespEndpointOptions> endpointOptions,
    TimeProvider time,
    DataTier.Cache.Snapshots.CacheSnapshots snapshots,
    DataTier.Cache.Replication.ReplicaReads replicaReads,
    DataTier.Cache.Replication.LocalShardReplicators replicators,
    DataTier.Cache.Blocking.KeyWakeups keyWakeups,
    DataTier.Cache.Scripting.ScriptCache scripts,
    DataTier.Cache.Scripting.Functions.LocalFunctions functions,
    AclLog aclLog,
    ClusterNodes clusterNodes,
    DataTier.Cache.Topology.CacheTopology topology,
    DataTier.Cache.Notifications.KeyspaceNotifier notifier,
    DataTier.Cache.Tracking.KeyInvalidations invalidations,
    Tracking.TrackingTable tracking,
    DataTier.Cache.Diagnostics.CommandTimings timings,
    DatasetHold hold)
{
    public DataTier.Cache.Diagnostics.CommandTimings Timings => timings;

    public DataTier.Cache.Diagnostics.CommandStats Stats => timings.Stats;

    public DataTier.Cache.Diagnostics.SlowLog SlowLog => timings.SlowLog;

    public DataTier.Cache.Tracking.KeyInvalidations Invalidations => invalidations;
    public Tracking.TrackingTable Tracking => tracking;

    /// <summary>Tells every other silo that a client tracks keys, so their shards report changes too.</summary>
    public async Task AnnounceTrackingAsync()
    {
        foreach (var silo in hub.OtherSilos())
        {
            try
            {
                await silo.StartTracking();
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // a silo that is leaving changes no more keys
            }
        }
    }

    public DataTier.Cache.Notifications.KeyspaceNotifier Notifier => notifier;
    public ClusterNodes ClusterNodes => clusterNodes;
    public DataTier.Cache.Topology.CacheTopology Topology => topology;
    public AclLog AclLog => aclLog;
    public DataTier.Cache.Scripting.ScriptCache Scripts => scripts;
    public DataTier.Cache.Scripting.Functions.LocalFunctions Functions => functions;
    public DataTier.Cache.Blocking.KeyWakeups KeyWakeups => keyWakeups;
    public DataTier.Cache.Replication.ReplicaReads ReplicaReads => replicaReads;
    public DataTier.Cache.Replication.LocalShardReplicators Replicators => replicators;
    public CacheOptions CacheOptions => cacheOptions.Value;
    public DataTier.Cache.Snapshots.CacheSnapshots Snapshots => snapshots;
    public CacheRouter Router => router;
    public PubSubHub Hub => hub;
    public CacheMemoryBudget Budget => budget;
    public RespClients Clients => clients;
    public RespEndpointOptions Endpoint => endpointOptions.Value;
    public TimeProvider Time => time;

    /// <summary>CLIENT PAUSE's state on this silo.</summary>
    public Clients.ClientPause Pause { get; } = new(time, hold);

    /// <summary>The default user's password (CONFIG SET requirepass changes it at run time); empty for none.</summary>
    public string RequirePass { get; set; } = cacheOptions.Value.RequirePass;

    public IReadOnlyDictionary<string, string> Users => cacheOptions.Value.Users;

    public bool AuthenticationRequired => RequirePass.Length > 0;

    /// <summary>Whether a new connection is the default user already: no password is required, and the user is not off.</summary>
    public bool DefaultUserLoggedIn => !AuthenticationRequired && _access["default"].Enabled;

    private readonly Dictionary<string, DataTier.Cache.Access.AclUser> _access = new[] { "default" }.Concat(cacheOptions.Value.Users.Keys)
        .ToDictionary(u => u, u => DataTier.Cache.Access.AclRules.Parse(u, cacheOptions.Value.UserAccess.GetValueOrDefault(u, DataTier.Cache.Access.AclRules.Everything)), StringComparer.Ordinal);

    /// <summary>The users there are, with their permissions.</summary>
    public IReadOnlyDictionary<string, DataTier.Cache.Access.AclUser> Access => _access;

    /// <summary>Checks a user's password, and that the user is enabled: the default user against requirepass, the others against the configured users.</summary>
    public bool CheckPassword(string user, string password)
    {
        if (!_access.TryGetValue(user, out var rules) || !rules.Enabled) return false;
        if (user == "default") return RequirePass.Length == 0 || FixedTimeEquals(RequirePass, password);
        return Users.TryGetValue(user, out var expected) && FixedTimeEquals(expected, password);
    }

    /// <summary>A user's permissions while they restrict it; null when the user may do everything (nothing to check).</summary>
    public DataTier.Cache.Access.AclUser? RestrictionsOf(string user) =>
        _access.TryGetValue(user, out var rules) && !rules.Unrestricted ? rules : null;

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
