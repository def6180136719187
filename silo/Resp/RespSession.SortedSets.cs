using DataTier.Cache;
using DataTier.Cache.Blocking;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;

namespace DataTier.Silo.Resp;

/// <summary>
/// Sorted set commands over two or more keys: ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD (keys on one
/// shard run there, atomically; keys on several are read from their shards, combined here and the result stored, as
/// SUNIONSTORE does, not atomically), and ZMPOP and the blocking pops BZPOPMIN, BZPOPMAX and BZMPOP (which wait as the
/// blocking list pops do).
/// </summary>
public sealed partial class RespSession
{
    private static bool IsSortedSetAcrossKeys(CommandId id) => id is CommandId.ZUnion or CommandId.ZInter or CommandId.ZDiff
        or CommandId.ZUnionStore or CommandId.ZInterStore or CommandId.ZDiffStore or CommandId.ZInterCard;

    private async Task<CacheReply> RunSortedSetOperationAsync(CommandSpec spec, byte[][] a)
    {
        if (SortedSetOperationArgs.ParseKeys(spec.Id, a, out var args) is { } invalid) return invalid;
        var router = _services.Router;
        byte[][] keys = args.Destination is { } destination ? [destination, .. args.Keys] : args.Keys;
        var shard = CacheRouter.ShardOf(keys[0]);
        if (keys.All(k => CacheRouter.ShardOf(k) == shard)) return await router.Execute(shard, new ShardCommand(spec.Id, a));
        var snapshots = await Task.WhenAll(args.Keys.Select(router.Export));
        var values = snapshots.Select(s => s?.ToValue()).ToList();
        if ((SortedSetAlgebra.CheckTypes(values) ?? args.ParseOptions(a)) is { } error) return error;
        var result = SortedSetAlgebra.Combine(args, values);
        if (args.Destination is { } target)
        {
            if (result.Count == 0) await router.Execute(CacheRouter.ShardOf(target), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), target]));
            else await router.Import(new EntrySnapshot
            {
                Key = target, Type = 2, Items = result.Select(m => m.Member).ToArray(), Scores = result.Select(m => m.Score).ToArray(),
            }, onlyIfAbsent: false);
        }
        return SortedSetOperations.Reply(args, result);
    }

    private async Task<CacheReply> RunSortedSetPopAsync(CommandSpec spec, byte[][] a)
    {
        if (SortedSetPopRequest.TryParse(spec.Id, a, out var pop) is { } invalid) return invalid;
        return await BlockOnKeysAsync(pop.Keys, pop.TimeoutMs, async deadline =>
        {
            foreach (var key in pop.Keys)
            {
                var reply = await _services.Router.Execute(CacheRouter.ShardOf(key), pop.PopOnShard(key, deadline));
                if (reply.IsError) return reply;
                if (reply.Kind != ReplyKind.Null) return pop.Answer(key, reply);
            }
            return null;
        });
    }
}
