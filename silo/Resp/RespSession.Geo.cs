using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Geo;
using DataTier.Cache.Keyspace;

namespace DataTier.Silo.Resp;

/// <summary>
/// GEOSEARCHSTORE, and GEORADIUS and GEORADIUSBYMEMBER with STORE or STOREDIST. With the source and the destination on
/// one shard they run there, atomically. Across shards they run in steps, as SUNIONSTORE does: the source's shard
/// searches (with every check and error of the command) and answers what to store; the destination is then replaced by
/// it, or deleted when nothing was found. A write to either key may land between the steps.
/// </summary>
public sealed partial class RespSession
{
    private static bool IsGeoStoreAcrossShards(CommandSpec spec, byte[][] a) =>
        spec.Id is CommandId.GeoRadius or CommandId.GeoRadiusByMember
        && GeoStoreKey.Of(a) is { } destination && CacheRouter.ShardOf(destination) != CacheRouter.ShardOf(a[1]);

    private async Task<CacheReply> RunGeoStoreAsync(CommandSpec spec, byte[][] a)
    {
        var router = _router;
        var (source, destination) = spec.Id == CommandId.GeoSearchStore ? (a[2], a[1]) : (a[1], GeoStoreKey.Of(a)!);
        var shard = CacheRouter.ShardOf(source);
        if (CacheRouter.ShardOf(destination) == shard) return await router.Execute(shard, new ShardCommand(spec.Id, a));
        var found = await router.Execute(shard, new ShardCommand(CommandId.GeoSearchForStore, a));
        if (found.IsError) return found;
        var pairs = found.Items!;
        var count = pairs.Length / 2;
        if (count == 0)
        {
            await router.Execute(CacheRouter.ShardOf(destination), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), destination]));
            return CacheReply.Zero;
        }
        var members = new byte[count][];
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            members[i] = pairs[i * 2].Bytes!;
            scores[i] = pairs[i * 2 + 1].Double;
        }
        await router.Import(new EntrySnapshot { Key = destination, Type = 2, Items = members, Scores = scores }, onlyIfAbsent: false,
            GeoSearchCommands.StoreEvent(GeoSearchRequest.FormOf(spec.Id)));
        return CacheReply.Int(count);
    }
}
