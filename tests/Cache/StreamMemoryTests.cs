using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>A stream's accounted memory follows its entries, groups and pending entries, so eviction and maxmemory see it.</summary>
public sealed class StreamMemoryTests
{
    private readonly CacheKeyspace _ks = new(new CacheMemoryBudget(Options.Create(new CacheOptions())));

    private void Run(params string[] args)
    {
        var reply = ShardExecutor.Execute(_ks, new ShardCommand(CommandTable.Find(args[0])!.Id, args.Select(Encoding.UTF8.GetBytes).ToArray()));
        Assert.False(reply.IsError, reply.ToString());
    }

    [Fact]
    public void Memory_grows_with_entries_and_pending_entries_and_shrinks_with_trimming_and_acknowledgement()
    {
        var empty = _ks.UsedBytes;
        for (var i = 1; i <= 100; i++) Run("XADD", "s", $"{i}-1", "field", new string('v', 100));
        var full = _ks.UsedBytes;
        Assert.InRange(full - empty, 100 * 100, 100 * 1000);
        Run("XGROUP", "CREATE", "s", "g", "0");
        var withGroup = _ks.UsedBytes;
        Assert.True(withGroup > full);
        Run("XCLAIM", "s", "g", "c", "0", "1-1", "2-1", "3-1", "FORCE", "JUSTID");
        var withPending = _ks.UsedBytes;
        Assert.True(withPending > withGroup);
        Run("XACK", "s", "g", "1-1", "2-1", "3-1");
        Assert.True(_ks.UsedBytes < withPending);
        Run("XTRIM", "s", "MAXLEN", "10");
        Assert.InRange(_ks.UsedBytes, empty, withGroup - 90 * 100);
    }
}
