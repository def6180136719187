using DataTier.Cache.Blocking;
using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>
/// Commands over several keys or the whole keyspace. Multi-key commands (DEL, UNLINK, EXISTS, TOUCH,
/// MGET, MSET) are split by shard and their replies combined, so keys in different slots work
/// together, unlike Redis Cluster's CROSSSLOT. RENAME and MSETNX across shards run in steps and are
/// not atomic across shards; within one shard (same slot range, e.g. a shared {hash tag}) they are.
/// </summary>
public sealed partial class RespSession
{
    private CacheReply? QueueMultiKey(CommandSpec spec, byte[][] a, int slot)
    {
        var step = spec.Step;
        if (spec.Id == CommandId.MSet && a.Length % 2 == 0) return CacheErrors.WrongArity(spec.Name);
        var firstShard = CacheRouter.ShardOf(a[1]);
        var sameShard = true;
        for (var i = 1 + step; i < a.Length && sameShard; i += step) sameShard = CacheRouter.ShardOf(a[i]) == firstShard;
        if (sameShard)
        {
            _pending.Add(firstShard, ForShard(spec.Id, a), slot);
            return null;
        }
        // Split: per shard, the keys (with their values for MSET) in their original order.
        var byShard = new Dictionary<int, (List<byte[]> Args, List<int> Positions)>();
        var keyIndex = 0;
        for (var i = 1; i < a.Length; i += step, keyIndex++)
        {
            var shard = CacheRouter.ShardOf(a[i]);
            if (!byShard.TryGetValue(shard, out var part)) byShard[shard] = part = ([a[0]], []);
            for (var j = 0; j < step; j++) part.Args.Add(a[i + j]);
            part.Positions.Add(keyIndex);
        }
        var join = new MultiKeyJoin(slot, spec.Id, byShard.Count, keyIndex);
        var p = 0;
        foreach (var (shard, part) in byShard)
        {
            join.SetPositions(p, [.. part.Positions]);
            _pending.Add(shard, ForShard(spec.Id, [.. part.Args]), join, p++);
        }
        _pending.AddJoin(join);
        return null;
    }

    private async ValueTask<CacheReply> RunClusterAsync(CommandSpec spec, byte[][] a)
    {
        var router = _router;
        switch (spec.Id)
        {
            case CommandId.Keys:
                var keys = await router.OnAllShards(new ShardCommand(CommandId.Keys, a));
                return CacheReply.Array(keys.SelectMany(r => r.Items ?? []).ToArray());
            case CommandId.DbSize:
                var sizes = await router.OnAllShards(new ShardCommand(CommandId.DbSize, a));
                return CacheReply.Int(sizes.Sum(r => r.Integer));
            case CommandId.FlushDb or CommandId.FlushAll:
                if (a.Length > 2 || (a.Length == 2 && !Arg.Is(a[1], "async") && !Arg.Is(a[1], "sync"))) return CacheErrors.Syntax;
                // Named by this connection and command, so that each tracking client hears of the flush once.
                await router.OnAllShards(new ShardCommand(spec.Id, [a[0]]) { Origin = Origin, Serial = _serial });
                return CacheReply.Ok;
            case CommandId.RandomKey:
                return await RandomKeyAsync();
            case CommandId.Scan:
                return await ScanAsync(a);
            case CommandId.Rename or CommandId.RenameNx:
                return await RenameAsync(spec, a);
            case CommandId.MSetNx:
                return await MSetNxAsync(a);
            case var id when IsCollectionAcrossKeys(id):
                return await RunCollectionAcrossKeysAsync(spec, a);
            case var id when IsListPop(id):
                return await RunListPopAsync(spec, a);
            case var id when IsStreamAcrossKeys(id):
                return await RunStreamAsync(spec, a);
            case CommandId.ZRangeStore:
                return await RangeStoreAsync(a);
            case var id when IsSortedSetAcrossKeys(id):
                return await RunSortedSetOperationAsync(spec, a);
            case var id when SortedSetPopRequest.IsSortedSetPop(id):
                return await RunSortedSetPopAsync(spec, a);
            case CommandId.GeoSearchStore:
                return await RunGeoStoreAsync(spec, a);
            case CommandId.Copy:
                return await CopyAsync(a);
            case CommandId.Object:
                return await ObjectAsync(a);
            case CommandId.Lcs:
                return await LcsAsync(a);
            case CommandId.Sort or CommandId.SortRo:
                return await SortAsync(spec, a);
            default:
                return CacheReply.Error($"ERR unknown command '{spec.Name}'");
        }
    }

    private async Task<CacheReply> RandomKeyAsync()
    {
        var router = _router;
        foreach (var shard in Enumerable.Range(0, CacheSlots.ShardCount).OrderBy(_ => Random.Shared.Next()))
        {
            var reply = await router.Execute(shard, new ShardCommand(CommandId.RandomKey, ["RANDOMKEY"u8.ToArray()]));
            if (reply.Kind == ReplyKind.Bulk) return reply;
        }
        return CacheReply.Nil;
    }

    /// <summary>
    /// SCAN over the shards in order. The cursor is the shard index times 2^32 plus the position
    /// (a key hash) inside that shard; 0 starts and ends a scan.
    /// </summary>
    private async Task<CacheReply> ScanAsync(byte[][] a)
    {
        if (ScanArgs.Parse(a, 2, allowType: true, out var scan) is { } error) return error;
        var shard = (long)(scan.Cursor >> 32);
        long position = (long)(scan.Cursor & 0xFFFFFFFF);
        var keys = new List<CacheReply>();
        var count = Math.Min(scan.Count, int.MaxValue);
        var pattern = scan.Pattern ?? "*"u8.ToArray();
        var type = scan.Type ?? [];
        while (shard < CacheSlots.ShardCount && keys.Count < count)
        {
            var args = new[] { "SCAN"u8.ToArray(), Num(position), Num(count - keys.Count), pattern, type };
            var reply = await _router.Execute((int)shard, new ShardCommand(CommandId.Scan, args));
            if (reply.IsError) return reply;
            keys.AddRange(reply.Items!.Skip(1));
            var next = reply.Items![0].Integer;
            if (next >= 0)
            {
                position = next;
                break;
            }
            shard++;
            position = 0;
        }
        var cursor = shard >= CacheSlots.ShardCount ? 0UL : ((ulong)shard << 32) | (ulong)position;
        return CacheReply.Array([CacheReply.Bulk(cursor.ToString(System.Globalization.CultureInfo.InvariantCulture)), CacheReply.Array([.. keys])]);
    }

    private static byte[] Num(long value) => CacheNumbers.ToBytes(value);

    private async Task<CacheReply> RenameAsync(CommandSpec spec, byte[][] a)
    {
        var router = _router;
        var source = CacheRouter.ShardOf(a[1]);
        if (source == CacheRouter.ShardOf(a[2])) return await router.Execute(source, new ShardCommand(spec.Id, a));
        var nx = spec.Id == CommandId.RenameNx;
        var snapshot = await router.Export(a[1]);
        if (snapshot is null) return CacheErrors.NoSuchKey;
        if (!await router.Import(snapshot.For(a[2], copy: false), nx, "rename_to")) return CacheReply.Zero;
        await router.Execute(source, new ShardCommand(CommandId.RenameFrom, ["RENAMEFROM"u8.ToArray(), a[1]]));
        return nx ? CacheReply.One : CacheReply.Ok;
    }

    private async Task<CacheReply> MSetNxAsync(byte[][] a)
    {
        if (a.Length % 2 == 0) return CacheErrors.WrongArity("msetnx");
        var router = _router;
        var first = CacheRouter.ShardOf(a[1]);
        var same = true;
        for (var i = 3; i < a.Length && same; i += 2) same = CacheRouter.ShardOf(a[i]) == first;
        if (same) return await router.Execute(first, new ShardCommand(CommandId.MSetNx, a));
        for (var i = 1; i < a.Length; i += 2)
        {
            var exists = await router.Execute(CacheRouter.ShardOf(a[i]), new ShardCommand(CommandId.Exists, ["EXISTS"u8.ToArray(), a[i]]));
            if (exists.Integer > 0) return CacheReply.Zero;
        }
        for (var i = 1; i < a.Length; i += 2)
            await router.Execute(CacheRouter.ShardOf(a[i]), new ShardCommand(CommandId.Set, ["SET"u8.ToArray(), a[i], a[i + 1]]));
        return CacheReply.One;
    }
}
