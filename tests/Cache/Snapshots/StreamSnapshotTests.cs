using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using DataTier.Cache.Snapshots;
using DataTier.Cache.Streams;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache.Snapshots;

/// <summary>A stream with groups, consumers and pending entries survives a snapshot (as replication and migration carry it) unchanged.</summary>
public sealed class StreamSnapshotTests
{
    private readonly CacheKeyspace _ks = new(new CacheMemoryBudget(Options.Create(new CacheOptions())));

    private CacheReply Run(params string[] args)
    {
        var id = args[0] == "READ" ? CommandId.StreamReadGroupOrAwait : CommandTable.Find(args[0])!.Id;
        return ShardExecutor.Execute(_ks, new ShardCommand(id, args.Select(Encoding.UTF8.GetBytes).ToArray()));
    }

    [Fact]
    public void A_stream_with_groups_round_trips_through_a_snapshot()
    {
        _ks.Now = 1_000;
        Run("XADD", "s", "1-1", "a", "1");
        Run("XADD", "s", "2-1", "b", "2", "c", "3");
        Run("XADD", "s", "3-1", "d", "4");
        Run("XDEL", "s", "2-1");
        Run("XGROUP", "CREATE", "s", "g", "0");
        Run("XGROUP", "CREATE", "s", "h", "$", "ENTRIESREAD", "3");
        Assert.Single(Run("READ", "s", "g", "alice", ">", "1", "0", "0").Items!);
        _ks.Now = 2_000;
        Assert.Single(Run("READ", "s", "g", "bob", ">", "0", "0", "0").Items!);
        Run("XGROUP", "CREATECONSUMER", "s", "g", "carol");
        var entry = _ks.Find("s"u8)!;
        entry.ExpiresAt = 99_000;

        var decoded = CacheSnapshotCodec.Decode(CacheSnapshotCodec.Encode([EntrySnapshot.Of(entry)])).Single();
        Assert.Equal(5, decoded.Type);
        Assert.Equal(99_000, decoded.ExpiresAt);
        var original = (StreamValue)entry.Value;
        var restored = Assert.IsType<StreamValue>(decoded.ToValue());

        Assert.Equal(original.Entries.Select(e => e.Id), restored.Entries.Select(e => e.Id));
        Assert.Null(restored.Find(new StreamEntryId(2, 1)));
        Assert.Equal(["d", "4"], restored.Entries[^1].Fields.Select(Encoding.UTF8.GetString));
        Assert.Equal(new StreamEntryId(3, 1), restored.LastId);
        Assert.Equal(new StreamEntryId(2, 1), restored.MaxDeletedId);
        Assert.Equal(3, restored.EntriesAdded);
        Assert.Equal(["g", "h"], restored.Groups.Keys.Select(Encoding.UTF8.GetString));
        var g = restored.Groups["g"u8.ToArray()];
        Assert.Equal(new StreamEntryId(3, 1), g.LastDelivered);
        Assert.Equal(original.Groups["g"u8.ToArray()].EntriesRead, g.EntriesRead);
        Assert.Equal(3, restored.Groups["h"u8.ToArray()].EntriesRead);
        Assert.Equal(["alice", "bob", "carol"], g.Consumers.Keys.Select(Encoding.UTF8.GetString));
        Assert.Equal([new StreamEntryId(1, 1), new StreamEntryId(3, 1)], g.Pending.Keys);
        Assert.Equal("bob", Encoding.UTF8.GetString(g.Pending[new StreamEntryId(3, 1)].Consumer.Name));
        Assert.Equal(2_000, g.Pending[new StreamEntryId(3, 1)].DeliveredAt);
        Assert.Same(g.Consumers["bob"u8.ToArray()], g.Pending[new StreamEntryId(3, 1)].Consumer);
        Assert.Equal([new StreamEntryId(3, 1)], g.Consumers["bob"u8.ToArray()].Pending);
        Assert.Equal(original.Size, restored.Size);
        Assert.Equal(StreamCodec.Encode(original), StreamCodec.Encode(restored));
    }
}
