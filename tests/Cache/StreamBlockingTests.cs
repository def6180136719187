using System.Text.RegularExpressions;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>XREAD and XREADGROUP with BLOCK: served by a later XADD (on any shard), nil after the timeout, and <c>$</c> meaning "after the last entry when blocking".</summary>
[Collection("cache-wire")]
public sealed class StreamBlockingTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task A_blocked_XREAD_gets_the_entry_another_client_adds_to_one_of_its_keys_on_another_shard()
    {
        var (quiet, busy) = ShardKeys.OnTwoShards("xread");
        await using var reader = await fixture.ConnectAsync();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("\"1-1\"", await writer.CallAsync("XADD", busy, "1-1", "old", "x"));
        var read = reader.CallAsync("XREAD", "BLOCK", "0", "STREAMS", quiet, busy, "$", "$");
        await Task.Delay(200);
        Assert.False(read.IsCompleted);
        Assert.Equal("\"2-1\"", await writer.CallAsync("XADD", busy, "2-1", "new", "y"));
        Assert.Equal($"[[\"{busy}\", [[\"2-1\", [\"new\", \"y\"]]]]]", await read.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task XREAD_BLOCK_answers_nil_when_nothing_arrives_in_time()
    {
        var key = $"idle-{Guid.NewGuid():N}";
        await using var client = await fixture.ConnectAsync();
        Assert.Equal("\"1-1\"", await client.CallAsync("XADD", key, "1-1", "f", "v"));
        var started = DateTime.UtcNow;
        Assert.Equal("(nil array)", await client.CallAsync("XREAD", "BLOCK", "300", "STREAMS", key, "$"));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Equal("[[\"" + key + "\", [[\"1-1\", [\"f\", \"v\"]]]]]", await client.CallAsync("XREAD", "BLOCK", "300", "STREAMS", key, "0"));
    }

    [Fact]
    public async Task A_blocked_XREADGROUP_gets_the_next_new_entry_and_it_becomes_pending()
    {
        var key = $"jobs-{Guid.NewGuid():N}";
        await using var worker = await fixture.ConnectAsync();
        await using var producer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await producer.CallAsync("XGROUP", "CREATE", key, "workers", "$", "MKSTREAM"));
        var read = worker.CallAsync("XREADGROUP", "GROUP", "workers", "w1", "BLOCK", "20000", "STREAMS", key, ">");
        await Task.Delay(200);
        Assert.False(read.IsCompleted);
        var id = (await producer.CallAsync("XADD", key, "*", "job", "1")).Trim('"');
        Assert.Matches("^[0-9]+-0$", id);
        Assert.Equal($"[[\"{key}\", [[\"{id}\", [\"job\", \"1\"]]]]]", await read.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal($"[:1, \"{id}\", \"{id}\", [[\"w1\", \"1\"]]]", await producer.CallAsync("XPENDING", key, "workers"));
    }

    [Fact]
    public async Task Auto_IDs_grow_with_the_clock_and_within_a_millisecond()
    {
        var key = $"auto-{Guid.NewGuid():N}";
        await using var client = await fixture.ConnectAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = new List<(ulong Ms, ulong Seq)>();
        for (var i = 0; i < 50; i++)
        {
            var match = Regex.Match(await client.CallAsync("XADD", key, "*", "n", i.ToString()), "^\"([0-9]+)-([0-9]+)\"$");
            Assert.True(match.Success);
            ids.Add((ulong.Parse(match.Groups[1].Value), ulong.Parse(match.Groups[2].Value)));
        }
        Assert.InRange((long)ids[0].Ms, before - 1000, before + 60_000);
        for (var i = 1; i < ids.Count; i++) Assert.True(ids[i].Ms > ids[i - 1].Ms || ids[i].Ms == ids[i - 1].Ms && ids[i].Seq == ids[i - 1].Seq + 1);
        Assert.Equal(":50", await client.CallAsync("XLEN", key));
    }

    [Fact]
    public async Task Pending_entries_are_claimed_after_idling_and_acknowledged()
    {
        var key = $"claims-{Guid.NewGuid():N}";
        await using var client = await fixture.ConnectAsync();
        await client.CallAsync("XADD", key, "1-1", "a", "1");
        await client.CallAsync("XADD", key, "2-1", "b", "2");
        Assert.Equal("+OK", await client.CallAsync("XGROUP", "CREATE", key, "g", "0"));
        Assert.Equal($"[[\"{key}\", [[\"1-1\", [\"a\", \"1\"]], [\"2-1\", [\"b\", \"2\"]]]]]",
            await client.CallAsync("XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"));
        Assert.Equal("[]", await client.CallAsync("XCLAIM", key, "g", "bob", "60000", "1-1", "JUSTID"));
        await Task.Delay(150);
        var pending = await client.CallAsync("XPENDING", key, "g", "IDLE", "100", "-", "+", "10");
        var match = Regex.Match(pending, "^\\[\\[\"1-1\", \"alice\", :([0-9]+), :1\\], \\[\"2-1\", \"alice\", :([0-9]+), :1\\]\\]$");
        Assert.True(match.Success, pending);
        Assert.InRange(long.Parse(match.Groups[1].Value), 100, 60_000);
        Assert.Equal("[\"1-1\"]", await client.CallAsync("XCLAIM", key, "g", "bob", "100", "1-1", "JUSTID"));
        Assert.Equal("[[\"2-1\", [\"b\", \"2\"]]]", await client.CallAsync("XCLAIM", key, "g", "bob", "0", "2-1", "IDLE", "5000"));
        var claimed = await client.CallAsync("XPENDING", key, "g", "-", "+", "10", "bob");
        Assert.Matches("^\\[\\[\"1-1\", \"bob\", :[0-9]+, :1\\], \\[\"2-1\", \"bob\", :(5[0-9]{3}), :2\\]\\]$", claimed);
        Assert.Matches("^\\[\\{?.*\"name\", \"alice\", \"pending\", :0, \"idle\", :[0-9]+.*\"name\", \"bob\", \"pending\", :2, \"idle\", :[0-9]+", await client.CallAsync("XINFO", "CONSUMERS", key, "g"));
        var full = await client.CallAsync("XINFO", "STREAM", key, "FULL");
        Assert.Matches("\"pel-count\", :2, \"pending\", \\[\\[\"1-1\", \"bob\", :[0-9]{13}, :1\\], \\[\"2-1\", \"bob\", :[0-9]{13}, :2\\]\\]", full);
        Assert.Matches("\"name\", \"bob\", \"seen-time\", :[0-9]{13}, \"pel-count\", :2, \"pending\", \\[\\[\"1-1\", :[0-9]{13}, :1\\], \\[\"2-1\", :[0-9]{13}, :2\\]\\]", full);
        Assert.Equal(":2", await client.CallAsync("XACK", key, "g", "1-1", "2-1", "3-1"));
        Assert.Equal("[:0, (nil), (nil), (nil array)]", await client.CallAsync("XPENDING", key, "g"));
    }

    [Fact]
    public async Task A_client_that_disconnects_while_blocked_in_XREADGROUP_takes_nothing_added_afterwards()
    {
        var key = $"left-{Guid.NewGuid():N}";
        await using var observer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await observer.CallAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM"));
        var leaving = await fixture.ConnectAsync();
        await leaving.SendAsync("XREADGROUP", "GROUP", "g", "gone", "BLOCK", "0", "STREAMS", key, ">");
        await Task.Delay(300);
        await leaving.DisposeAsync();
        await Task.Delay(500);
        Assert.Equal("\"1-1\"", await observer.CallAsync("XADD", key, "1-1", "f", "v"));
        await Task.Delay(300);
        Assert.Equal("[:0, (nil), (nil), (nil array)]", await observer.CallAsync("XPENDING", key, "g"));
        Assert.Equal($"[[\"{key}\", [[\"1-1\", [\"f\", \"v\"]]]]]", await observer.CallAsync("XREADGROUP", "GROUP", "g", "stays", "STREAMS", key, ">"));
    }
}
