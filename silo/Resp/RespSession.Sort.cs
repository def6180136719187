using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;

namespace DataTier.Silo.Resp;

/// <summary>
/// SORT and SORT_RO. Without patterns that read other keys, and with the STORE destination (if any) on the source's shard,
/// a sort runs on that shard, atomically. Otherwise it runs here in steps, as MGET reads keys across shards: the source's
/// shard loads the elements, the BY pattern's keys are read from their shards, the elements are sorted, the GET
/// patterns' keys are read for the elements returned, and the result is stored on the destination's shard. Not atomic
/// across shards.
/// </summary>
public sealed partial class RespSession
{
    private async Task<CacheReply> SortAsync(CommandSpec spec, byte[][] a)
    {
        var fullKeyAccess = _acl is null || _acl.AllKeys(read: true, write: false);
        if (SortArgs.Parse(a, spec.Id == CommandId.SortRo, fullKeyAccess, out var args) is { } invalid) return invalid;
        var router = _router;
        var source = CacheRouter.ShardOf(a[1]);
        if (!args.ReadsOtherKeys && (args.Store is null || CacheRouter.ShardOf(args.Store) == source))
            return await router.Execute(source, new ShardCommand(spec.Id, a));
        var loaded = await router.Execute(source, new ShardCommand(CommandId.SortElements, a));
        if (loaded.IsError) return loaded;
        var input = SortInput.FromReply(loaded);
        args.ForSource(input.Type, fromScript: false);
        var weights = new SortLookups();
        if (!args.DontSort && args.By is not null) await weights.FetchAsync([args.By], input.Elements, router.Execute);
        if (SortRun.Order(args, input, weights.Read, out var ordered) is { } notNumbers) return notNumbers;
        var returned = ordered.Skip((int)Math.Max(0, input.Start)).Take((int)Math.Max(0, input.End - input.Start + 1)).ToList();
        var gets = new SortLookups();
        await gets.FetchAsync(args.Gets, returned, router.Execute);
        var output = SortRun.Output(args, ordered, input.Start, input.End, gets.Read);
        if (args.Store is null) return SortRun.Reply(output);
        if (output.Count == 0) await router.Execute(CacheRouter.ShardOf(args.Store), new ShardCommand(CommandId.Del, ["DEL"u8.ToArray(), args.Store]));
        else await router.Import(new EntrySnapshot { Key = args.Store, Type = 3, Items = [.. output.Select(v => v ?? [])] }, onlyIfAbsent: false, "sortstore");
        return CacheReply.Int(output.Count);
    }
}
