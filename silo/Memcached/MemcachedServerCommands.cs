using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Memcached;

/// <summary>What both protocols' flush_all and stats do: a flush of every shard (now or after a delay) and the stats' names and values.</summary>
public static class MemcachedServerCommands
{
    public const string Version = "1.6.21";

    public static Task FlushAllAsync(CacheRouter router, long delaySeconds)
    {
        var flush = () => router.OnAllShards(new ShardCommand(CommandId.FlushAll, ["FLUSHALL"u8.ToArray()]));
        if (delaySeconds <= 0) return flush();
        _ = Task.Delay(TimeSpan.FromSeconds(delaySeconds)).ContinueWith(_ => flush(), TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public static async Task<List<(string Name, string Value)>> StatsAsync(CacheRouter router, MemcachedStats stats, TimeProvider time, MemcachedEndpointOptions options)
    {
        var now = time.GetUtcNow();
        var items = (await router.OnAllShards(new ShardCommand(CommandId.DbSize, [Encoding.ASCII.GetBytes("DBSIZE")]))).Sum(r => r.Integer);
        return
        [
            ("pid", Environment.ProcessId.ToString()),
            ("uptime", ((long)(now - stats.Started).TotalSeconds).ToString()),
            ("time", now.ToUnixTimeSeconds().ToString()),
            ("version", Version),
            ("curr_connections", Interlocked.Read(ref stats.CurrentConnections).ToString()),
            ("total_connections", Interlocked.Read(ref stats.TotalConnections).ToString()),
            ("cmd_get", Interlocked.Read(ref stats.CmdGet).ToString()),
            ("cmd_set", Interlocked.Read(ref stats.CmdSet).ToString()),
            ("cmd_touch", Interlocked.Read(ref stats.CmdTouch).ToString()),
            ("get_hits", Interlocked.Read(ref stats.GetHits).ToString()),
            ("get_misses", Interlocked.Read(ref stats.GetMisses).ToString()),
            ("curr_items", items.ToString()),
            ("limit_maxbytes", options.MaxValueBytes.ToString()),
        ];
    }
}
