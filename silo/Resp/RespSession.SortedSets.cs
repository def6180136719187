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
        var router = _router;
        byte[][] keys = args.Destination is { } destination ? [destination, .. args.Keys] : args.Keys;
        var shard = CacheRouter.ShardOf(keys[0]);
        if (keys.All(k => CacheRouter.ShardOf(k) == shard)) return await router.Execute(shard, new ShardCommand(spec.Id, a));
        var snapshots = await Task.WhenAll(args.Keys.Select(router.Export));
        var values = snapshots.Select(s => s?.ToValue()).ToList();
        if ((SortedSetAlgebra.CheckTypes(values) ?? args.ParseOptions(a)) is { } error) return error;
        var result = SortedSetAlgebra.Combine(args, values);
        if (args.Destination is { } target)
            await StoreSortedSetAsync(target, result.Select(m => m.Member).ToArray(), result.Select(m => m.Score).ToArray(),
                spec.Id switch { CommandId.ZUnionStore => "zunionstore", CommandId.ZInterStore => "zinterstore", _ => "zdiffstore" });
        return SortedSetOperations.Reply(args, result);
    }

    /// <summary>ZRANGESTORE: on the keys' shard when they share one; otherwise the range read on the source's shard and stored from here.</summary>
    private async Task<CacheReply> RangeStoreAsync(byte[][] a)
    {
        var router = _router;
        var (destination, source) = (a[1], a[2]);
        if (CacheRouter.ShardOf(destination) == CacheRouter.ShardOf(source))
            return await router.Execute(CacheRouter.ShardOf(source), new ShardCommand(CommandId.ZRangeStore, a));
        var range = await router.Execute(CacheRouter.ShardOf(source), new ShardCommand(CommandId.ZRangeForStore, a));
        if (range.IsError) return range;
        var items = range.Items!;
        await StoreSortedSetAsync(destination, items.Where((_, i) => i % 2 == 0).Select(m => m.Bytes!).ToArray(), items.Where((_, i) => i % 2 == 1).Select(s => s.Double).ToArray(), "zrangestore");
        return CacheReply.Int(items.Length / 2);
    }

    /// <summary>A sorted set written over whatever the key held (without its expiry), or the key removed when the set is empty.</summary>
    private async Task StoreSortedSetAsync(byte[] key, byte[][] members, double[] scores, string @event)
    {
        var router = _router;
        if (members.Length == 0) await router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), key]));
        else await router.Import(new EntrySnapshot { Key = key, Type = 2, Items = members, Scores = scores }, onlyIfAbsent: false, @event);
    }

    private async Task<CacheReply> RunSortedSetPopAsync(CommandSpec spec, byte[][] a)
    {
        if (SortedSetPopRequest.TryParse(spec.Id, a, out var pop) is { } invalid) return invalid;
        return await BlockOnKeysAsync(pop.TimeoutMs, async (deadline, ticket) =>
        {
            foreach (var key in pop.Keys)
            {
                var reply = await _router.Execute(CacheRouter.ShardOf(key), pop.PopOnShard(key, deadline, ticket));
                ticket?.Answered(key, reply);
                if (reply.IsError) return reply;
                if (reply.Kind != ReplyKind.Null) return pop.Answer(key, reply);
            }
            return null;
        });
    }
}
