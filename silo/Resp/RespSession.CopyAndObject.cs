using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>
/// COPY, OBJECT and LCS. COPY with both keys on one shard runs there, atomically; across shards the source is exported
/// from its shard and imported into the destination's (only if absent, without REPLACE), not atomically. OBJECT
/// runs on the shard of its key (its third argument). LCS of keys on two shards reads both strings and compares them here.
/// </summary>
public sealed partial class RespSession
{
    private async Task<CacheReply> CopyAsync(byte[][] a)
    {
        if (CopyArgs.Parse(a, out var replace) is { } invalid) return invalid;
        var router = _router;
        var source = CacheRouter.ShardOf(a[1]);
        if (source == CacheRouter.ShardOf(a[2])) return await router.Execute(source, new ShardCommand(CommandId.Copy, a));
        var snapshot = await router.Export(a[1]);
        if (snapshot is null) return CacheReply.Zero;
        return await router.Import(snapshot.For(a[2], copy: true), onlyIfAbsent: !replace, "copy_to") ? CacheReply.One : CacheReply.Zero;
    }

    private async Task<CacheReply> ObjectAsync(byte[][] a) =>
        await _router.Execute(a.Length > 2 ? CacheRouter.ShardOf(a[2]) : 0, new ShardCommand(CommandId.Object, a));

    private async Task<CacheReply> LcsAsync(byte[][] a)
    {
        var router = _router;
        var shard = CacheRouter.ShardOf(a[1]);
        if (shard == CacheRouter.ShardOf(a[2])) return await router.Execute(shard, new ShardCommand(CommandId.Lcs, a));
        var values = await Task.WhenAll(router.Export(a[1]), router.Export(a[2]));
        return LcsCommand.Reply(ValueOf(values[0]), ValueOf(values[1]), a);
    }

    /// <summary>A string's bytes, or the snapshot itself for another type (which LCS refuses).</summary>
    private static object? ValueOf(Cache.Keyspace.EntrySnapshot? snapshot) => snapshot is { Type: 0 } ? snapshot.String : snapshot;
}
