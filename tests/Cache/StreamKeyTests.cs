using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>A stream is a key like any other: TYPE, SCAN's TYPE filter, expiry, and RENAME to another shard with its groups.</summary>
[Collection("cache-wire")]
public sealed class StreamKeyTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task A_stream_renamed_to_another_shard_keeps_its_entries_groups_and_pending_entries()
    {
        var (source, target) = ShardKeys.OnTwoShards("renamed");
        await using var client = await fixture.ConnectAsync();
        await client.CallAsync("XADD", source, "1-1", "a", "1");
        await client.CallAsync("XADD", source, "2-1", "b", "2");
        Assert.Equal("+OK", await client.CallAsync("XGROUP", "CREATE", source, "g", "0"));
        await client.CallAsync("XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", source, ">");
        Assert.Equal("+OK", await client.CallAsync("RENAME", source, target));
        Assert.Equal(":0", await client.CallAsync("EXISTS", source));
        Assert.Equal("+stream", await client.CallAsync("TYPE", target));
        Assert.Equal("[[\"1-1\", [\"a\", \"1\"]], [\"2-1\", [\"b\", \"2\"]]]", await client.CallAsync("XRANGE", target, "-", "+"));
        Assert.Equal("[:1, \"1-1\", \"1-1\", [[\"alice\", \"1\"]]]", await client.CallAsync("XPENDING", target, "g"));
        Assert.Equal($"[[\"{target}\", [[\"2-1\", [\"b\", \"2\"]]]]]", await client.CallAsync("XREADGROUP", "GROUP", "g", "bob", "STREAMS", target, ">"));
    }

    [Fact]
    public async Task A_stream_expires_and_is_found_by_SCAN_TYPE_stream()
    {
        var key = $"expiring-{Guid.NewGuid():N}";
        await using var client = await fixture.ConnectAsync();
        await client.CallAsync("XADD", key, "1-1", "a", "1");
        var scanned = await client.CallAsync("SCAN", "0", "MATCH", key, "TYPE", "stream", "COUNT", "100000");
        Assert.Contains($"\"{key}\"", scanned);
        Assert.DoesNotContain($"\"{key}\"", await client.CallAsync("SCAN", "0", "MATCH", key, "TYPE", "list", "COUNT", "100000"));
        Assert.Equal(":1", await client.CallAsync("PEXPIRE", key, "100"));
        await Task.Delay(300);
        Assert.Equal(":0", await client.CallAsync("EXISTS", key));
        Assert.Equal(":0", await client.CallAsync("XLEN", key));
    }
}
