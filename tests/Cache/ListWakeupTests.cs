using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Blocking;
using DataTier.Cache.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The wake-up path of blocked list clients: a shard remembers the keys waited on, and a push onto one is signalled once.</summary>
public sealed class ListWakeupTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static CacheKeyspace Keyspace() => new(new CacheMemoryBudget(Options.Create(new CacheOptions()))) { Now = 1_000 };

    private static CacheReply Run(CacheKeyspace ks, CommandId id, params string[] args) => ShardExecutor.Execute(ks, new ShardCommand(id, args.Select(B).ToArray()));

    [Fact]
    public void An_attempt_on_an_empty_list_waits_and_the_next_push_wakes_it_once()
    {
        var ks = Keyspace();
        Assert.Equal(ReplyKind.Null, Run(ks, CommandId.ListPopOrAwait, "POP", "q", "left", "0", "5000").Kind);
        Assert.Null(ks.TakeWakeups());
        Run(ks, CommandId.RPush, "RPUSH", "other", "x");
        Assert.Null(ks.TakeWakeups());
        Run(ks, CommandId.RPush, "RPUSH", "q", "a");
        Assert.Equal(["q"], ks.TakeWakeups()!.Select(Encoding.UTF8.GetString));
        Run(ks, CommandId.RPush, "RPUSH", "q", "b");
        Assert.Null(ks.TakeWakeups());
        Assert.Equal("a", Encoding.UTF8.GetString(Run(ks, CommandId.ListPopOrAwait, "POP", "q", "left", "0", "5000").Bytes!));
    }

    [Fact]
    public void A_wait_that_has_expired_or_a_non_blocking_attempt_wakes_no_one()
    {
        var ks = Keyspace();
        Run(ks, CommandId.ListPopOrAwait, "POP", "late", "left", "0", "1500");
        Run(ks, CommandId.ListPopOrAwait, "POP", "never", "left", "1", "0");
        ks.Now = 2_000;
        Run(ks, CommandId.LPush, "LPUSH", "late", "a");
        Run(ks, CommandId.LMove, "LMOVE", "late", "never", "LEFT", "LEFT");
        Assert.Null(ks.TakeWakeups());
    }

    [Fact]
    public void A_signal_completes_the_waiters_of_its_key_only()
    {
        var wakeups = new KeyWakeups(null!, null!, null!);
        var onQ = wakeups.Register([B("q"), B("r")]);
        var onS = wakeups.Register([B("s")]);
        wakeups.SignalLocal([B("r")]);
        Assert.True(onQ.Task.IsCompleted);
        Assert.False(onS.Task.IsCompleted);
        wakeups.Unregister([B("q"), B("r")], onQ);
        wakeups.Unregister([B("s")], onS);
        Assert.Equal(0, wakeups.Waiting);
    }
}
