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
    DataTier.Cache.Blocking.KeyWakeups keyWakeups,
    DataTier.Cache.Scripting.ScriptCache scripts)
{
    public DataTier.Cache.Scripting.ScriptCache Scripts => scripts;
    public DataTier.Cache.Blocking.KeyWakeups KeyWakeups => keyWakeups;
    public DataTier.Cache.Replication.ReplicaReads ReplicaReads => replicaReads;
    public CacheOptions CacheOptions => cacheOptions.Value;
    public DataTier.Cache.Snapshots.CacheSnapshots Snapshots => snapshots;
    public CacheRouter Router => router;
    public PubSubHub Hub => hub;
    public CacheMemoryBudget Budget => budget;
    public RespClients Clients => clients;
    public RespEndpointOptions Endpoint => endpointOptions.Value;
    public TimeProvider Time => time;

    /// <summary>The default user's password (CONFIG SET requirepass changes it at run time); empty for none.</summary>
    public string RequirePass { get; set; } = cacheOptions.Value.RequirePass;

    public IReadOnlyDictionary<string, string> Users => cacheOptions.Value.Users;

    public bool AuthenticationRequired => RequirePass.Length > 0;

    /// <summary>Checks a user's password: the default user against requirepass, the others against the configured users.</summary>
    public bool CheckPassword(string user, string password)
    {
        if (user == "default") return RequirePass.Length == 0 || FixedTimeEquals(RequirePass, password);
        return Users.TryGetValue(user, out var expected) && FixedTimeEquals(expected, password);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
