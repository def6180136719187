using DataTier.Cache.Access;
using System.Globalization;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>Server commands: INFO, CONFIG, MEMORY.</summary>
public sealed partial class RespSession
{
    private static readonly string[] AllSections = ["server", "clients", "memory", "stats", "replication", "commandstats", "errorstats", "latencystats", "cluster", "keyspace"];

    private static readonly HashSet<string> NotDefault = ["commandstats", "latencystats"];

    private async Task<CacheReply> InfoAsync(byte[][] a)
    {
        var requested = a.Skip(1).Select(Arg.Lower).ToHashSet();
        var all = requested.Overlaps(["all", "everything"]);
        var byDefault = requested.Count == 0 || requested.Contains("default");
        var sections = AllSections.Where(s => all || requested.Contains(s) || byDefault && !NotDefault.Contains(s)).ToList();
        var shards = await Task.WhenAll(Enumerable.Range(0, CacheSlots.ShardCount).Select(i => _router.Shard(i).GetInfo()));
        long keys = 0, expires = 0, hits = 0, misses = 0, expired = 0, evicted = 0;
        foreach (var s in shards)
        {
            keys += s.Keys;
            expires += s.Expires;
            hits += s.Counters.Hits;
            misses += s.Counters.Misses;
            expired += s.Counters.ExpiredKeys;
            evicted += s.Counters.EvictedKeys;
        }
        var text = new StringBuilder();
        var clients = _services.Clients;
        var budget = _services.Budget;
        foreach (var section in sections)
        {
            if (text.Length > 0) text.Append("\r\n");
            switch (section)
            {
                case "server":
                    text.Append("# Server\r\n")
                        .Append("redis_version:").Append(ServerVersion).Append("\r\n")
                        .Append("redis_mode:").Append(_services.Endpoint.ClusterMode ? "cluster" : "standalone").Append("\r\n")
                        .Append("os:").Append(Environment.OSVersion.VersionString).Append("\r\n")
                        .Append("arch_bits:64\r\n")
                        .Append("process_id:").Append(Environment.ProcessId).Append("\r\n")
                        .Append("tcp_port:").Append(_services.Endpoint.Port).Append("\r\n")
                        .Append("uptime_in_seconds:").Append((long)(DateTime.UtcNow - clients.StartedAt).TotalSeconds).Append("\r\n")
                        .Append("server_implementation:datatier\r\n");
                    break;
                case "clients":
                    text.Append("# Clients\r\n").Append("connected_clients:").Append(clients.Connected).Append("\r\n");
                    break;
                case "memory":
                    text.Append("# Memory\r\n")
                        .Append("used_memory:").Append(budget.Used).Append("\r\n")
                        .Append("used_memory_human:").Append(Human(budget.Used)).Append("\r\n")
                        .Append("maxmemory:").Append(budget.MaxMemory).Append("\r\n")
                        .Append("maxmemory_human:").Append(Human(budget.MaxMemory)).Append("\r\n")
                        .Append("maxmemory_policy:").Append(EvictionPolicyNames.NameOf(budget.Policy)).Append("\r\n");
                    break;
                case "stats":
                    text.Append("# Stats\r\n")
                        .Append("total_connections_received:").Append(clients.ConnectionsReceived).Append("\r\n")
                        .Append("total_commands_processed:").Append(clients.CommandsProcessed).Append("\r\n")
                        .Append("total_error_replies:").Append(_services.Stats.ErrorReplies).Append("\r\n")
                        .Append("expired_keys:").Append(expired).Append("\r\n")
                        .Append("evicted_keys:").Append(evicted).Append("\r\n")
                        .Append("sync_full:").Append(_services.Replicators.FullSyncs).Append("\r\n")
                        .Append("keyspace_hits:").Append(hits).Append("\r\n")
                        .Append("keyspace_misses:").Append(misses).Append("\r\n")
                        .Append("pubsub_channels:").Append(_services.Hub.LocalChannels(null).Count).Append("\r\n")
                        .Append("pubsub_patterns:").Append(_services.Hub.LocalPatternCount()).Append("\r\n")
                        .Append("pubsubshard_channels:").Append(_services.Hub.LocalChannels(null, sharded: true).Count).Append("\r\n");
                    break;
                case "replication":
                    AppendReplication(text, shards);
                    break;
                case "commandstats":
                    AppendCommandStats(text);
                    break;
                case "errorstats":
                    AppendErrorStats(text);
                    break;
                case "latencystats":
                    AppendLatencyStats(text);
                    break;
                case "cluster":
                    text.Append("# Cluster\r\ncluster_enabled:").Append(_services.Endpoint.ClusterMode ? 1 : 0).Append("\r\n");
                    break;
                case "keyspace":
                    text.Append("# Keyspace\r\n");
                    if (keys > 0) text.Append("db0:keys=").Append(keys).Append(",expires=").Append(expires).Append(",avg_ttl=0\r\n");
                    break;
            }
        }
        return CacheReply.Verbatim(text.ToString());
    }

    private static string Human(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + "G",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.00", CultureInfo.InvariantCulture) + "M",
        >= 1L << 10 => (bytes / 1024.0).ToString("0.00", CultureInfo.InvariantCulture) + "K",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + "B",
    };

    private async Task<CacheReply> ConfigAsync(byte[][] a)
    {
        var reply = Config(a);
        // notify-keyspace-events is the cluster's: every silo raises the events of the shards it hosts.
        if (!reply.IsError && Arg.Is(a[1], "set") && Enumerable.Range(1, (a.Length - 2) / 2).Any(j => Arg.Is(a[j * 2], "notify-keyspace-events")))
        {
            var flags = (int)_services.Notifier.Flags;
            foreach (var silo in _services.Hub.OtherSilos())
            {
                try
                {
                    await silo.SetKeyspaceEvents(flags);
                }
                catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
                {
                    // a silo that is leaving raises no more events
                }
            }
        }
        return reply;
    }

    private CacheReply Config(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "get" when a.Length >= 3:
                var pairs = new List<CacheReply>();
                var seen = new HashSet<string>();
                foreach (var pattern in a.Skip(2))
                    foreach (var (name, value) in ConfigValues())
                        if (GlobPattern.IsMatch(pattern, Encoding.ASCII.GetBytes(name)) && seen.Add(name))
                        {
                            pairs.Add(CacheReply.Bulk(name));
                            pairs.Add(CacheReply.Bulk(value));
                        }
                return CacheReply.Map([.. pairs]);
            case "set" when a.Length >= 4 && a.Length % 2 == 0:
                for (var j = 2; j < a.Length; j += 2)
                    if (ConfigSet(Arg.Lower(a[j]), Arg.Text(a[j + 1])) is { } error) return error;
                return CacheReply.Ok;
            case "set":
                return CacheReply.Error($"ERR Unknown option or number of arguments for CONFIG SET - '{(a.Length > 2 ? Arg.Text(a[2]) : "")}'");
            case "resetstat" when a.Length == 2:
                _services.Stats.Reset();
                return CacheReply.Ok;
            case "get" or "resetstat":
                return CacheErrors.WrongArity("config|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try CONFIG HELP.");
        }
    }

    /// <summary>
    /// MEMORY PURGE: as Redis asks its allocator to return dirty pages, a full compacting collection
    /// that gives the freed heap back to the operating system.
    /// </summary>
    private static readonly string[] MemoryHelp =
    [
        "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "PURGE",
        "    Attempt to purge dirty pages for reclamation by the allocator.",
        "USAGE <key> [SAMPLES <count>]",
        "    Return memory in bytes used by <key> and its value, as the cache accounts it (for maxmemory).",
        "HELP",
        "    Prints this help.",
    ];

    /// <summary>MEMORY USAGE key [SAMPLES count], asked of the key's shard; the other subcommands here.</summary>
    private async Task<CacheReply> MemoryAsync(byte[][] a)
    {
        if (!Arg.Is(a[1], "usage")) return Memory(a);
        if (a.Length < 3) return CacheErrors.WrongArity("memory|usage");
        if (a.Length != 3 && (a.Length != 5 || !Arg.Is(a[3], "samples"))) return CacheErrors.Syntax;
        if (a.Length == 5 && !CacheNumbers.TryParseLong(a[4], out _)) return CacheErrors.NotInteger;
        return await _router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(CommandId.MemoryUsage, ["MEMORYUSAGE"u8.ToArray(), a[2]]));
    }

    private static CacheReply Memory(byte[][] a)
    {
        switch (Arg.Lower(a[1]))
        {
            case "purge" when a.Length == 2:
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                return CacheReply.Ok;
            case "help" when a.Length == 2:
                return CacheReply.Array([.. MemoryHelp.Select(CacheReply.Simple)]);
            case "purge" or "help":
                return CacheErrors.WrongArity("memory|" + Arg.Lower(a[1]));
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try MEMORY HELP.");
        }
    }

    private IEnumerable<(string Name, string Value)> ConfigValues()
    {
        var budget = _services.Budget;
        yield return ("maxmemory", budget.MaxMemory.ToString(CultureInfo.InvariantCulture));
        yield return ("maxmemory-policy", EvictionPolicyNames.NameOf(budget.Policy));
        yield return ("maxmemory-samples", budget.Samples.ToString(CultureInfo.InvariantCulture));
        yield return ("hll-sparse-max-bytes", budget.HllSparseMaxBytes.ToString(CultureInfo.InvariantCulture));
        yield return ("requirepass", _services.RequirePass);
        yield return ("notify-keyspace-events", DataTier.Cache.Notifications.KeyspaceEventFlags.Format(_services.Notifier.Flags));
        yield return ("slowlog-log-slower-than", _services.SlowLog.SlowerThanMicros.ToString(CultureInfo.InvariantCulture));
        yield return ("slowlog-max-len", _services.SlowLog.MaxLength.ToString(CultureInfo.InvariantCulture));
        yield return ("latency-monitor-threshold", _services.Timings.Latency.ThresholdMs.ToString(CultureInfo.InvariantCulture));
        yield return ("latency-tracking", _services.Stats.TrackLatency ? "yes" : "no");
        yield return ("latency-tracking-info-percentiles", string.Join(' ', _services.Stats.Percentiles.Select(p => p.ToString(CultureInfo.InvariantCulture))));
        yield return ("databases", "1");
        yield return ("port", _services.Endpoint.Port.ToString(CultureInfo.InvariantCulture));
        yield return ("bind", _services.Endpoint.Address);
        yield return ("save", "");
        yield return ("appendonly", "no");
        yield return ("timeout", "0");
        yield return ("replica-read-only", "yes");
        yield return ("slave-read-only", "yes");
        yield return ("cluster-enabled", "no");
    }

    private CacheReply? ConfigSet(string name, string value)
    {
        var budget = _services.Budget;
        switch (name)
        {
            case "maxmemory":
                if (!TryParseMemory(value, out var bytes)) return ConfigSetFailed(name, "argument must be a memory value");
                budget.MaxMemory = bytes;
                return null;
            case "maxmemory-policy":
                if (!EvictionPolicyNames.TryParse(value, out var policy))
                    return ConfigSetFailed(name, "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction");
                budget.Policy = policy;
                return null;
            case "maxmemory-samples":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var samples) || samples is < 1 or > 64)
                    return ConfigSetFailed(name, "argument must be between 1 and 64 inclusive");
                budget.Samples = samples;
                return null;
            case "hll-sparse-max-bytes":
                if (!TryParseMemory(value, out var sparseMax) || sparseMax < 0) return ConfigSetFailed(name, "argument must be a memory value");
                budget.HllSparseMaxBytes = sparseMax;
                return null;
            case "requirepass":
                _services.RequirePass = value;
                return null;
            case "notify-keyspace-events":
                if (DataTier.Cache.Notifications.KeyspaceEventFlags.Parse(value) is not { } events)
                    return ConfigSetFailed(name, DataTier.Cache.Notifications.KeyspaceEventFlags.InvalidCharacter);
                _services.Notifier.Flags = events;
                return null;
            case "slowlog-log-slower-than":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros))
                    return ConfigSetFailed(name, "argument couldn't be parsed into an integer");
                if (micros < -1) return ConfigSetFailed(name, "argument must be between -1 and 9223372036854775807 inclusive");
                _services.SlowLog.SlowerThanMicros = micros;
                return null;
            case "latency-monitor-threshold":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var thresholdMs))
                    return ConfigSetFailed(name, "argument couldn't be parsed into an integer");
                if (thresholdMs < 0) return ConfigSetFailed(name, "argument must be between 0 and 9223372036854775807 inclusive");
                _services.Timings.Latency.ThresholdMs = thresholdMs;
                return null;
            case "latency-tracking":
                if (!value.Equals("yes", StringComparison.OrdinalIgnoreCase) && !value.Equals("no", StringComparison.OrdinalIgnoreCase))
                    return ConfigSetFailed(name, "argument must be 'yes' or 'no'");
                _services.Stats.TrackLatency = value.Equals("yes", StringComparison.OrdinalIgnoreCase);
                return null;
            case "latency-tracking-info-percentiles":
                var percentiles = new List<double>();
                foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                        return ConfigSetFailed(name, "Invalid latency-tracking-info-percentiles parameters");
                    if (p is < 0 or > 100) return ConfigSetFailed(name, "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
                    percentiles.Add(p);
                }
                _services.Stats.Percentiles = [.. percentiles];
                return null;
            case "slowlog-max-len":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length))
                    return ConfigSetFailed(name, "argument couldn't be parsed into an integer");
                if (length < 0) return ConfigSetFailed(name, "argument must be between 0 and 9223372036854775807 inclusive");
                _services.SlowLog.MaxLength = length;
                return null;
            default:
                return CacheReply.Error($"ERR Unknown option or number of arguments for CONFIG SET - '{name}'");
        }
    }

    private static CacheReply ConfigSetFailed(string name, string reason) =>
        CacheReply.Error($"ERR CONFIG SET failed (possibly related to argument '{name}') - {reason}");

    /// <summary>A memory size as Redis reads it: bytes, or with k, kb, m, mb, g, gb (case-insensitive).</summary>
    public static bool TryParseMemory(string text, out long bytes)
    {
        bytes = 0;
        var lower = text.ToLowerInvariant();
        (string Suffix, long Unit)[] units = [("kb", 1024), ("mb", 1024 * 1024), ("gb", 1024L * 1024 * 1024), ("k", 1000), ("m", 1000_000), ("g", 1000_000_000), ("b", 1)];
        long unit = 1;
        foreach (var (suffix, u) in units)
        {
            if (!lower.EndsWith(suffix, StringComparison.Ordinal)) continue;
            lower = lower[..^suffix.Length];
            unit = u;
            break;
        }
        if (!long.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        bytes = value * unit;
        return true;
    }
}
