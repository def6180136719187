using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Clients blocked on lists (BLPOP, BLMOVE) are served when another connection pushes, and one that leaves takes nothing.</summary>
[Collection("cache-wire")]
public sealed class BlockingListTests(CacheSiloFixture fixture)
{
    private static string Key(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_blocked_BLPOP_gets_the_element_another_client_pushes_later()
    {
        var queue = Key("queue");
        await using var consumer = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var popped = consumer.CallAsync("BLPOP", Key("other"), queue, "30");
        Assert.False(popped.IsCompleted);
        Assert.Equal(":1", await producer.CallAsync("RPUSH", queue, "job-1"));
        Assert.Equal($"[\"{queue}\", \"job-1\"]", await popped.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(":0", await producer.CallAsync("EXISTS", queue));
    }

    [Fact]
    public async Task Two_blocked_clients_each_get_one_of_two_elements()
    {
        var queue = Key("shared");
        await using var first = await fixture.ConnectAsync();
        await using var second = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var one = first.CallAsync("BRPOP", queue, "30");
        var two = second.CallAsync("BRPOP", queue, "30");
        Assert.Equal(":2", await producer.CallAsync("LPUSH", queue, "a", "b"));
        var replies = await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([$"[\"{queue}\", \"a\"]", $"[\"{queue}\", \"b\"]"], replies.Order(StringComparer.Ordinal));
        Assert.Equal(":0", await producer.CallAsync("LLEN", queue));
    }

    [Fact]
    public async Task BLMOVE_waits_for_its_source_and_moves_the_element_to_a_destination_on_another_shard()
    {
        var source = Key("source");
        var destination = Key("destination");
        await using var mover = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var moved = mover.CallAsync("BLMOVE", source, destination, "LEFT", "RIGHT", "30");
        Assert.Equal(":1", await producer.CallAsync("RPUSH", source, "task"));
        Assert.Equal("\"task\"", await moved.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("[\"task\"]", await producer.CallAsync("LRANGE", destination, "0", "-1"));
        Assert.Equal(":0", await producer.CallAsync("EXISTS", source));
    }

    [Fact]
    public async Task BLMOVE_to_a_key_of_another_type_on_another_shard_answers_WRONGTYPE_and_leaves_the_element_in_its_source()
    {
        var (source, destination) = ShardKeys.OnTwoShards("wrongtype");
        await using var client = await fixture.ConnectAsync();
        Assert.Equal(":2", await client.CallAsync("RPUSH", source, "a", "b"));
        Assert.Equal("+OK", await client.CallAsync("SET", destination, "text"));
        Assert.StartsWith("-WRONGTYPE", await client.CallAsync("BLMOVE", source, destination, "RIGHT", "LEFT", "1"));
        Assert.Equal("[\"a\", \"b\"]", await client.CallAsync("LRANGE", source, "0", "-1"));
    }

    [Fact]
    public async Task A_client_that_disconnects_while_blocked_takes_nothing_pushed_afterwards()
    {
        var queue = Key("abandoned");
        await using var observer = await fixture.ConnectAsync();
        var before = await ConnectedClients(observer);
        var leaving = await fixture.ConnectAsync();
        await leaving.SendAsync("BLPOP", queue, "0");
        await Eventually(async () => await ConnectedClients(observer) == before + 1, "the blocked client is connected");
        await leaving.DisposeAsync();
        await Eventually(async () => await ConnectedClients(observer) == before, "the silo noticed the client left");
        Assert.Equal(":1", await observer.CallAsync("RPUSH", queue, "kept"));
        Assert.Equal(":1", await observer.CallAsync("LLEN", queue));
    }

    private static async Task<int> ConnectedClients(RespTestClient client)
    {
        var info = await client.CallAsync("INFO", "clients");
        var line = info.Split(["\\r\\n", "\r\n", "\n"], StringSplitOptions.None).First(l => l.Contains("connected_clients:"));
        return int.Parse(line[(line.IndexOf(':') + 1)..].Trim('"', ' '));
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_list_renamed_onto_a_watched_key_from_another_shard_wakes_the_waiter_at_once()
    {
        await using var consumer = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        var id = (await consumer.CallAsync("CLIENT", "ID")).TrimStart(':');
        var clock = System.Diagnostics.Stopwatch.StartNew();
        const int cycles = 8;
        for (var i = 0; i < cycles; i++)
        {
            var (source, destination) = ShardKeys.OnTwoShards("renamed-onto-waiter");
            await consumer.SendAsync("BLPOP", destination, "10");
            while (!(await producer.CallAsync("CLIENT", "LIST", "ID", id)).Contains(" flags=b ", StringComparison.Ordinal)) await Task.Delay(5);
            await producer.CallAsync("RPUSH", source, "v" + i);
            Assert.Equal("+OK", await producer.CallAsync("RENAME", source, destination));
            Assert.Equal($"[\"{destination}\", \"v{i}\"]", await consumer.ReadAsync());
        }
        // Waiters not woken by the store would find the list on their next try, a second later: eight of them about four seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{cycles} wake-ups took {clock.Elapsed}");
    }
}
