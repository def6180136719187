using System.Globalization;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Client.Cache;

/// <summary>Sends each call to the shard grain that owns the key (or, inside a silo, runs it on a local shard).</summary>
public sealed class CacheClient(CacheRouter router) : ICacheClient
{
    public CacheClient(IGrainFactory grains) : this(new CacheRouter(grains))
    {
    }

    public async Task<byte[]?> GetAsync(string key) => Value(await Run("GET", key));

    public async Task<string?> GetStringAsync(string key) => Value(await Run("GET", key)) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public async Task<bool> SetAsync(string key, byte[] value, TimeSpan? expiry = null, CacheSetCondition when = CacheSetCondition.Always)
    {
        var args = new List<byte[]> { "SET"u8.ToArray(), Encoding.UTF8.GetBytes(key), value };
        if (expiry is { } ttl)
        {
            args.Add("PX"u8.ToArray());
            args.Add(Encoding.ASCII.GetBytes(Math.Max(1, (long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
        }
        if (when == CacheSetCondition.IfAbsent) args.Add("NX"u8.ToArray());
        if (when == CacheSetCondition.IfExists) args.Add("XX"u8.ToArray());
        var reply = Check(await Run(CommandId.Set, [.. args]));
        return reply.Kind == ReplyKind.Simple;
    }

    public Task<bool> SetStringAsync(string key, string value, TimeSpan? expiry = null, CacheSetCondition when = CacheSetCondition.Always) =>
        SetAsync(key, Encoding.UTF8.GetBytes(value), expiry, when);

    public async Task<bool> DeleteAsync(string key) => Check(await Run("DEL", key)).Integer > 0;

    public async Task<long> IncrementAsync(string key, long by = 1) =>
        Check(await Run("INCRBY", key, by.ToString(CultureInfo.InvariantCulture))).Integer;

    public async Task<bool> ExpireAsync(string key, TimeSpan expiry) =>
        Check(await Run("PEXPIRE", key, ((long)expiry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))).Integer == 1;

    public async Task<TimeSpan?> TimeToLiveAsync(string key)
    {
        var ms = Check(await Run("PTTL", key)).Integer;
        return ms < 0 ? null : TimeSpan.FromMilliseconds(ms);
    }

    public Task<CacheReply> ExecuteAsync(params string[] args) => Run(args);

    private Task<CacheReply> Run(params string[] args)
    {
        var spec = CommandTable.Find(args[0]);
        var oneKey = spec is not null && (spec.Route == CommandRoute.SingleKey || (spec.Route == CommandRoute.MultiKey && args.Length == 1 + spec.Step));
        if (spec is null || !oneKey)
            return Task.FromResult(CacheReply.Error($"ERR '{args[0]}' is not a single-key command"));
        if (!spec.AcceptsArgumentCount(args.Length)) return Task.FromResult(CacheErrors.WrongArity(spec.Name));
        return Run(spec.Id, args.Select(Encoding.UTF8.GetBytes).ToArray());
    }

    private async Task<CacheReply> Run(CommandId id, byte[][] args) =>
        await router.Execute(CacheRouter.ShardOf(args[1]), new ShardCommand(id, args));

    private static byte[]? Value(CacheReply reply) => Check(reply).Kind == ReplyKind.Bulk ? reply.Bytes : null;

    private static CacheReply Check(CacheReply reply) =>
        reply.IsError ? throw new CacheException(reply.Text!) : reply;
}
