using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Clients blocked on one key are served in the order they blocked, as Redis serves them: each element pushed goes to
/// the longest waiting client, and one that timed out or left takes nothing. Run against the cache and redis-server.
/// </summary>
[Collection("cache-wire")]
public sealed class BlockingOrderTests(CacheSiloFixture fixture)
{
    private static string Key(string name) => $"{name}-{Guid.NewGuid():N}";

    public static TheoryData<string, string> Commands() => new()
    {
        { "BLPOP", "RPUSH" },
        { "BRPOP", "LPUSH" },
        { "BLMOVE", "RPUSH" },
        { "BZPOPMIN", "ZADD" },
        { "BLMPOP", "RPUSH" },
        { "XREADGROUP", "XADD" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Clients_blocked_in_turn_get_the_elements_pushed_one_at_a_time_in_that_order(string command, string push)
    {
        var theirs = await ServeInTurnAsync(fixture.Redis.Port, command, push);
        Assert.Equal(["first:x1", "second:x2", "third:x3"], theirs);
        Assert.Equal(theirs, await ServeInTurnAsync(fixture.RespPort, command, push));
    }

    [Fact]
    public async Task A_client_whose_wait_timed_out_takes_nothing_and_the_next_in_line_gets_the_element()
    {
        var queue = Key("timed-out");
        await using var first = await fixture.ConnectAsync();
        await using var second = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var (firstId, secondId) = (await IdOf(first), await IdOf(second));
        var expiring = first.CallAsync("BLPOP", queue, "0.3");
        await WaitUntilBlockedAsync(producer, firstId);
        var waiting = second.CallAsync("BLPOP", queue, "0");
        await WaitUntilBlockedAsync(producer, secondId);
        Assert.Equal("(nil array)", await expiring.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(":1", await producer.CallAsync("RPUSH", queue, "kept"));
        Assert.Equal($"[\"{queue}\", \"kept\"]", await waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(":0", await producer.CallAsync("LLEN", queue));
    }

    [Fact]
    public async Task A_client_that_left_the_line_takes_nothing_and_the_next_in_line_gets_the_element()
    {
        var queue = Key("left");
        await using var second = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var leaving = await fixture.ConnectAsync();
        var (leavingId, secondId) = (await IdOf(leaving), await IdOf(second));
        var abandoned = leaving.CallAsync("BLPOP", queue, "0");
        await WaitUntilBlockedAsync(producer, leavingId);
        var waiting = second.CallAsync("BLPOP", queue, "0");
        await WaitUntilBlockedAsync(producer, secondId);
        await leaving.DisposeAsync();
        _ = abandoned.ContinueWith(t => t.Exception, TaskScheduler.Default);
        await EventuallyAsync(async () => !(await producer.CallAsync("CLIENT", "LIST")).Contains($"id={leavingId} "), "the silo noticed the client left");
        Assert.Equal(":1", await producer.CallAsync("RPUSH", queue, "kept"));
        Assert.Equal($"[\"{queue}\", \"kept\"]", await waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(":0", await producer.CallAsync("LLEN", queue));
    }

    [Fact]
    public async Task Elements_pushed_together_go_one_to_each_client_in_the_order_they_blocked()
    {
        var queue = Key("together");
        await using var producer = await fixture.ConnectAsync();
        await using var clients = new BlockedClients(fixture.RespPort, producer);
        var pops = new List<Task<string>>();
        for (var i = 0; i < 4; i++) pops.Add(await clients.BlockAsync("BLPOP", queue, "0"));
        Assert.Equal(":4", await producer.CallAsync("RPUSH", queue, "e0", "e1", "e2", "e3"));
        var replies = await Task.WhenAll(pops).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"[\"{queue}\", \"e{i}\"]"), replies);
    }

    [Fact]
    public async Task Each_group_serves_its_blocked_readers_in_turn_and_every_group_gets_each_entry()
    {
        var theirs = await ServeGroupsAsync(fixture.Redis.Port);
        Assert.Equal(["a1:e0", "a2:e1", "b1:e0", "b2:e1"], theirs);
        Assert.Equal(theirs, await ServeGroupsAsync(fixture.RespPort));
    }

    [Fact]
    public async Task The_group_reader_blocked_longest_gets_the_entry_whenever_the_others_blocked()
    {
        Assert.Equal("c1", await LongestWaitingReaderAsync(fixture.Redis.Port));
        Assert.Equal("c1", await LongestWaitingReaderAsync(fixture.RespPort));
    }

    /// <summary>
    /// Three readers of one group block 0.7 s apart, and one entry is added 1.1 s after the last (so that this cache's
    /// readers, which try again each second, last tried in the reverse of the order they blocked). Returns who got it.
    /// </summary>
    private static async Task<string> LongestWaitingReaderAsync(int port)
    {
        var key = Key("longest");
        await using var producer = await RespTestClient.ConnectAsync(port);
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM"));
        await using var clients = new BlockedClients(port, producer);
        var reads = new Dictionary<Task<string>, string>();
        foreach (var name in new[] { "c1", "c2", "c3" })
        {
            reads.Add(await clients.BlockAsync("XREADGROUP", "GROUP", "g", name, "BLOCK", "0", "STREAMS", key, ">"), name);
            await Task.Delay(700);
        }
        await Task.Delay(400);
        await producer.CallAsync("XADD", key, "*", "f", "e");
        return reads[await Task.WhenAny(reads.Keys).WaitAsync(TimeSpan.FromSeconds(20))];
    }

    /// <summary>
    /// Two readers of group a and two of group b block, in the order a1, b1, a2, b2, each with COUNT 1; two entries are
    /// added at once. Returns who got which, sorted.
    /// </summary>
    private static async Task<string[]> ServeGroupsAsync(int port)
    {
        var key = Key("groups");
        await using var producer = await RespTestClient.ConnectAsync(port);
        foreach (var group in new[] { "a", "b" }) Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", key, group, "$", "MKSTREAM"));
        await using var clients = new BlockedClients(port, producer);
        var reads = new List<(string Name, Task<string> Read)>();
        foreach (var name in new[] { "a1", "b1", "a2", "b2" })
            reads.Add((name, await clients.BlockAsync("XREADGROUP", "GROUP", name[..1], name, "COUNT", "1", "BLOCK", "0", "STREAMS", key, ">")));
        await producer.CallAsync("MULTI");
        await producer.CallAsync("XADD", key, "*", "f", "e0");
        await producer.CallAsync("XADD", key, "*", "f", "e1");
        await producer.CallAsync("EXEC");
        var served = new List<string>();
        foreach (var (name, read) in reads) served.Add($"{name}:{ElementOf(await read.WaitAsync(TimeSpan.FromSeconds(20)))}");
        return [.. served.Order()];
    }

    /// <summary>
    /// Three clients block on one key, each once the one before is blocked (and has been for over a second, so this
    /// cache's waiters have retried meanwhile); then one element is pushed at a time. Returns who got which.
    /// </summary>
    private static async Task<string[]> ServeInTurnAsync(int port, string command, string push)
    {
        var key = Key("turn");
        var destination = Key("moved");
        await using var producer = await RespTestClient.ConnectAsync(port);
        if (command == "XREADGROUP") Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM"));
        await using var clients = new BlockedClients(port, producer);
        var waits = new Dictionary<Task<string>, string>();
        foreach (var name in new[] { "first", "second", "third" })
        {
            string[] args = command switch
            {
                "BLMOVE" => ["BLMOVE", key, destination, "LEFT", "RIGHT", "0"],
                "BLMPOP" => ["BLMPOP", "0", "1", key, "LEFT"],
                "XREADGROUP" => ["XREADGROUP", "GROUP", "g", name, "COUNT", "1", "BLOCK", "0", "STREAMS", key, ">"],
                _ => [command, key, "0"],
            };
            waits.Add(await clients.BlockAsync(args), name);
            await Task.Delay(1100);
        }
        var served = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            string[] pushed = push switch
            {
                "ZADD" => ["ZADD", key, $"{i}", $"x{i}"],
                "XADD" => ["XADD", key, "*", "f", $"x{i}"],
                _ => [push, key, $"x{i}"],
            };
            var added = await producer.CallAsync(pushed);
            if (push != "XADD") Assert.Equal(":1", added);
            var done = await Task.WhenAny(waits.Keys).WaitAsync(TimeSpan.FromSeconds(20));
            served.Add($"{waits[done]}:{ElementOf(await done)}");
            waits.Remove(done);
        }
        return [.. served];
    }

    /// <summary>The element in a reply: BLMOVE's bulk string, the one after the key in the pops' arrays (before BZPOPMIN's score), or a stream entry's one field value.</summary>
    private static string ElementOf(string reply)
    {
        var quoted = reply.Split('"').Where((_, i) => i % 2 == 1).ToArray();
        return quoted.Length switch { 1 => quoted[0], 3 => quoted[1], _ => quoted[^1] };
    }

    private static async Task<string> IdOf(RespTestClient client) => (await client.CallAsync("CLIENT", "ID")).TrimStart(':');

    private static async Task WaitUntilBlockedAsync(RespTestClient admin, string id) =>
        await EventuallyAsync(async () => (await admin.CallAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b"), $"client {id} is blocked");

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(20);
        }
    }
}
