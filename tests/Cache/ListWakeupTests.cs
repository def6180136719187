using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Blocking;
using DataTier.Cache.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// The wake-up path of blocked list clients: a shard keeps the clients waiting on a key in line, lets only the first
/// take, and signals a push onto the key to that one once; a client that left, timed out or stopped trying gives its turn.
/// </summary>
public sealed class ListWakeupTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static CacheKeyspace Keyspace() => new(new CacheMemoryBudget(Options.Create(new CacheOptions()))) { Now = 1_000 };

    private static CacheReply Run(CacheKeyspace ks, CommandId id, params string[] args) => ShardExecutor.Execute(ks, new ShardCommand(id, args.Select(B).ToArray()));

    private static readonly byte[] First = Guid.NewGuid().ToByteArray();
    private static readonly byte[] Second = Guid.NewGuid().ToByteArray();

    private static CacheReply Pop(CacheKeyspace ks, string key, long until, byte[]? ticket) =>
        ShardExecutor.Execute(ks, new ShardCommand(CommandId.ListPopOrAwait, [B("POP"), B(key), B("left"), B("0"), B(until.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. ticket is null ? (byte[][])[] : [ticket]]));

    private static Guid[] Turns(CacheKeyspace ks) => ks.TakeTurns()?.ToArray() ?? [];

    [Fact]
    public void An_attempt_on_an_empty_list_waits_in_line_and_the_next_push_wakes_it_once()
    {
        var ks = Keyspace();
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 5000, First).Kind);
        Assert.Empty(Turns(ks));
        Run(ks, CommandId.RPush, "RPUSH", "other", "x");
        Assert.Empty(Turns(ks));
        Run(ks, CommandId.RPush, "RPUSH", "q", "a");
        Assert.Equal([new Guid(First)], Turns(ks));
        Assert.Null(ks.TakeWakeups());
        Assert.Equal("a", Encoding.UTF8.GetString(Pop(ks, "q", 5000, First).Bytes!));
        Assert.Empty(Turns(ks));
    }

    [Fact]
    public void Only_the_first_in_line_takes_and_the_next_is_woken_while_elements_remain()
    {
        var ks = Keyspace();
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 5000, First).Kind);
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 5000, Second).Kind);
        Run(ks, CommandId.RPush, "RPUSH", "q", "a", "b");
        Assert.Equal([new Guid(First)], Turns(ks));
        // The second, woken by chance or trying on its own, is not yet to take.
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 5000, Second).Kind);
        Assert.Equal("a", Encoding.UTF8.GetString(Pop(ks, "q", 5000, First).Bytes!));
        Assert.Equal([new Guid(Second)], Turns(ks));
        Assert.Equal("b", Encoding.UTF8.GetString(Pop(ks, "q", 5000, Second).Bytes!));
        Assert.Empty(Turns(ks));
        // A pop that does not block takes at once, whoever waits.
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 5000, First).Kind);
        Run(ks, CommandId.RPush, "RPUSH", "q", "c");
        Assert.Equal("c", Encoding.UTF8.GetString(Pop(ks, "q", 0, null).Bytes!));
    }

    [Fact]
    public void A_ticket_that_left_timed_out_or_stopped_trying_gives_its_turn_to_the_next()
    {
        var ks = Keyspace();
        var third = Guid.NewGuid().ToByteArray();
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 1500, First).Kind);
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 100_000, Second).Kind);
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 100_000, third).Kind);
        Run(ks, CommandId.RPush, "RPUSH", "q", "a");
        Assert.Equal([new Guid(First)], Turns(ks));
        // The first leaves without taking: the element stays, and it is the second's turn.
        ShardExecutor.Execute(ks, new ShardCommand(CommandId.LeaveLine, [B("LEAVE"), B("q"), First]));
        Assert.Equal([new Guid(Second)], Turns(ks));
        Assert.Equal(1, Run(ks, CommandId.LLen, "LLEN", "q").Integer);
        // The second stops trying (as when its silo died): past the lease, the third takes in its place.
        ks.Now += KeyWaitLine.LeaseMs + 1;
        Assert.Equal("a", Encoding.UTF8.GetString(Pop(ks, "q", 100_000, third).Bytes!));
        Assert.Equal(ReplyKind.Null, Pop(ks, "q", 100_000, Second).Kind);
        // The second, trying again, joins at the back: the next push is its turn.
        Run(ks, CommandId.RPush, "RPUSH", "q", "b");
        Assert.Equal([new Guid(Second)], Turns(ks));
    }

    [Fact]
    public void A_wait_that_has_expired_or_a_non_blocking_attempt_wakes_no_one()
    {
        var ks = Keyspace();
        Pop(ks, "late", 1500, First);
        Pop(ks, "never", 0, null);
        ks.Now = 2_000;
        Run(ks, CommandId.LPush, "LPUSH", "late", "a");
        Run(ks, CommandId.LMove, "LMOVE", "late", "never", "LEFT", "LEFT");
        Assert.Empty(Turns(ks));
        Assert.Null(ks.TakeWakeups());
    }

    [Fact]
    public void A_signal_completes_the_waiters_of_its_key_or_ticket_only()
    {
        var wakeups = new KeyWakeups(null!, null!, null!);
        var onQ = wakeups.Register([B("q"), B("r")]);
        var onS = wakeups.Register([B("s")]);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var firstTurn = wakeups.Register(first);
        var secondTurn = wakeups.Register(second);
        wakeups.SignalLocal([B("r")], [second]);
        Assert.True(onQ.Task.IsCompleted);
        Assert.False(onS.Task.IsCompleted);
        Assert.False(firstTurn.Task.IsCompleted);
        Assert.True(secondTurn.Task.IsCompleted);
        wakeups.Unregister([B("q"), B("r")], onQ);
        wakeups.Unregister([B("s")], onS);
        wakeups.Unregister(first, firstTurn);
        wakeups.Unregister(second, secondTurn);
        Assert.Equal(0, wakeups.Waiting);
    }
}
