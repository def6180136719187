using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;

namespace DataTier.Silo.Resp;

/// <summary>
/// List and set commands over two or more keys (LMOVE, RPOPLPUSH, SMOVE, SINTER, SUNION, SDIFF, their STORE forms and
/// SINTERCARD). Keys on one shard run there, atomically; keys on several run here in steps, as RENAME does: each key's
/// type is checked first, then the values are read (or the element taken) and the result written. Across shards they
/// are not atomic: a concurrent write to one of the keys may land between the steps.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsCollectionAcrossKeys(CommandId id) => id is CommandId.LMove or CommandId.RPopLPush or CommandId.SMove
        or CommandId.SInter or CommandId.SUnion or CommandId.SDiff or CommandId.SInterStore or CommandId.SUnionStore or CommandId.SDiffStore
        or CommandId.SInterCard or CommandId.BitOp or CommandId.PfCount or CommandId.PfMerge;

    private async Task<CacheReply> RunCollectionAcrossKeysAsync(CommandSpec spec, byte[][] a)
    {
        var router = _router;
        int keyCount = 0;
        long limit = 0;
        if (spec.Id == CommandId.SInterCard && SetCommands.ParseIntersectionCardinality(a, out keyCount, out limit) is { } invalid) return invalid;
        if (spec.Id == CommandId.LMove && ListCommands.ParseMove(a, out _, out _) is { } syntax) return syntax;
        var keys = spec.Id switch
        {
            CommandId.BitOp => a[2..],
            CommandId.LMove or CommandId.RPopLPush or CommandId.SMove => a[1..3],
            CommandId.SInterCard => a[2..(2 + keyCount)],
            _ => a[1..],
        };
        var shard = CacheRouter.ShardOf(keys[0]);
        if (keys.All(k => CacheRouter.ShardOf(k) == shard)) return await router.Execute(shard, new ShardCommand(spec.Id, a));
        switch (spec.Id)
        {
            case CommandId.LMove or CommandId.RPopLPush:
                return await ListMoveAcrossAsync(a);
            case CommandId.SMove:
                return await SetMoveAcrossAsync(a);
            case CommandId.SInterCard:
                return await CombineAcrossAsync(SetOperation.Inter, keys, null, limit);
            case CommandId.BitOp:
                return await BitOpAcrossAsync(a);
            case CommandId.PfCount or CommandId.PfMerge:
                return await HyperLogLogAcrossAsync(spec.Id, a);
            default:
                var store = spec.Id is CommandId.SInterStore or CommandId.SUnionStore or CommandId.SDiffStore;
                var operation = spec.Id is CommandId.SInter or CommandId.SInterStore ? SetOperation.Inter
                    : spec.Id is CommandId.SUnion or CommandId.SUnionStore ? SetOperation.Union : SetOperation.Diff;
                return await CombineAcrossAsync(operation, store ? a[2..] : a[1..], store ? a[1] : null, null);
        }
    }

    private async Task<string> TypeOfAsync(byte[] key) =>
        (await _router.Execute(CacheRouter.ShardOf(key), new ShardCommand(CommandId.Type, ["TYPE"u8.ToArray(), key]))).Text ?? "none";

    private async Task<CacheReply> ListMoveAcrossAsync(byte[][] a)
    {
        ListCommands.ParseMove(a, out var fromLeft, out var toLeft);
        var sourceType = await TypeOfAsync(a[1]);
        if (sourceType == "none") return CacheReply.Nil;
        if (sourceType != "list" || await TypeOfAsync(a[2]) is not ("none" or "list")) return CacheErrors.WrongType;
        var router = _router;
        var popped = await router.Execute(CacheRouter.ShardOf(a[1]), new ShardCommand(fromLeft ? CommandId.LPop : CommandId.RPop, [fromLeft ? "LPOP"u8.ToArray() : "RPOP"u8.ToArray(), a[1]]));
        if (popped.Kind != ReplyKind.Bulk) return popped;
        var pushed = await router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(toLeft ? CommandId.LPush : CommandId.RPush, [toLeft ? "LPUSH"u8.ToArray() : "RPUSH"u8.ToArray(), a[2], popped.Bytes!]));
        return pushed.IsError ? pushed : popped;
    }

    private async Task<CacheReply> SetMoveAcrossAsync(byte[][] a)
    {
        var sourceType = await TypeOfAsync(a[1]);
        if (sourceType == "none") return CacheReply.Zero;
        if (sourceType != "set" || await TypeOfAsync(a[2]) is not ("none" or "set")) return CacheErrors.WrongType;
        var router = _router;
        var removed = await router.Execute(CacheRouter.ShardOf(a[1]), new ShardCommand(CommandId.SRem, ["SREM"u8.ToArray(), a[1], a[3]]));
        if (removed.IsError || removed.Integer == 0) return removed;
        var added = await router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(CommandId.SAdd, ["SADD"u8.ToArray(), a[2], a[3]]));
        return added.IsError ? added : CacheReply.One;
    }

    /// <summary>The keys' values read from their shards, combined here; stored to <paramref name="destination"/> when given, counted when <paramref name="limit"/> is.</summary>
    private async Task<CacheReply> CombineAcrossAsync(SetOperation operation, byte[][] keys, byte[]? destination, long? limit)
    {
        var router = _router;
        var snapshots = await Task.WhenAll(keys.Select(router.Export));
        if (SetAlgebra.Combine(operation, snapshots.Select(s => s?.ToValue()).ToList(), out var result) is { } error) return error;
        if (limit is { } max) return CacheReply.Int(max > 0 ? Math.Min(max, result.Count) : result.Count);
        if (destination is null) return CacheReply.Members(result.Select(CacheReply.Bulk).ToArray());
        if (result.Count == 0) await router.Execute(CacheRouter.ShardOf(destination), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), destination]));
        else await router.Import(new EntrySnapshot { Key = destination, Type = 4, Items = [.. result] }, onlyIfAbsent: false,
            operation switch { SetOperation.Inter => "sinterstore", SetOperation.Union => "sunionstore", _ => "sdiffstore" });
        return CacheReply.Int(result.Count);
    }

    /// <summary>BITOP over sources on several shards: each source read (absent: empty; not a string: WRONGTYPE), combined here, stored.</summary>
    private async Task<CacheReply> BitOpAcrossAsync(byte[][] a)
    {
        if (BitmapCommands.CheckOperator(a[1], a.Length - 3) is { } bad) return bad;
        var router = _router;
        var snapshots = await Task.WhenAll(a[3..].Select(router.Export));
        if (snapshots.Any(s => s is { Type: not 0 })) return CacheErrors.WrongType;
        if (BitmapCommands.Combine(a[1], snapshots.Select(s => s?.String ?? []).ToArray(), out var result) is { } invalid) return invalid;
        if (result.Length == 0) await router.Execute(CacheRouter.ShardOf(a[2]), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), a[2]]));
        else await router.Import(new EntrySnapshot { Key = a[2], Type = 0, String = result, Encoding = (byte)StringEncoding.Raw }, onlyIfAbsent: false, "set");
        return CacheReply.Int(result.Length);
    }

    /// <summary>PFCOUNT or PFMERGE over keys on several shards: every key read (the destination too: it is a source), their union counted or stored, keeping the destination's expiry.</summary>
    private async Task<CacheReply> HyperLogLogAcrossAsync(CommandId id, byte[][] a)
    {
        var router = _router;
        var snapshots = await Task.WhenAll(a[1..].Select(router.Export));
        var values = snapshots.Select(s => s is null ? null : s.Type == 0 ? s.String : (object)s);
        if (HyperLogLogCommands.Union(values, out var max, out var dense) is { } error) return error;
        if (id == CommandId.PfCount) return CacheReply.Int((long)DataTier.Cache.Hll.HyperLogLog.EstimateRaw(max));
        var destination = snapshots[0];
        if (HyperLogLogCommands.MergeResult(destination?.String, max, dense, _services.Budget.HllSparseMaxBytes, out var result) is { } corrupted) return corrupted;
        await router.Import(new EntrySnapshot { Key = a[1], Type = 0, String = result, ExpiresAt = destination?.ExpiresAt ?? 0, Flags = destination?.Flags ?? 0, Encoding = (byte)StringEncoding.Raw }, onlyIfAbsent: false, "pfadd");
        return CacheReply.Ok;
    }
}
