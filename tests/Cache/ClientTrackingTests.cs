using System.Globalization;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>CLIENT TRACKING: invalidation messages for keys a client read, for prefixes in broadcast mode, through a redirect, and on flush.</summary>
[Collection("cache-wire")]
public sealed class ClientTrackingTests(CacheSiloFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task<RespTestClient> Resp3Async()
    {
        var client = await fixture.ConnectAsync();
        Assert.StartsWith("{", await client.CallAsync("HELLO", "3"));
        return client;
    }

    [Fact]
    public async Task A_client_hears_once_of_a_change_to_a_key_it_read_and_again_after_reading_it_again()
    {
        await using var tracker = await Resp3Async();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on"));
        Assert.Equal("(nil)", await tracker.CallAsync("GET", "tracked:a"));
        Assert.Equal("[(nil), (nil)]", await tracker.CallAsync("MGET", "tracked:b", "tracked:c"));
        Assert.Equal("+OK", await writer.CallAsync("SET", "tracked:a", "1"));
        Assert.Equal(">[\"invalidate\", [\"tracked:a\"]]", await tracker.ReadAsync().WaitAsync(Wait));
        // Not read since: a second change is not told; a change to another key read is.
        Assert.Equal("+OK", await writer.CallAsync("SET", "tracked:a", "2"));
        Assert.Equal(":1", await writer.CallAsync("SADD", "tracked:c", "x"));
        Assert.Equal(">[\"invalidate\", [\"tracked:c\"]]", await tracker.ReadAsync().WaitAsync(Wait));
        Assert.Equal("\"2\"", await tracker.CallAsync("GET", "tracked:a"));
        Assert.Equal(":1", await writer.CallAsync("EXPIRE", "tracked:a", "100"));
        Assert.Equal(">[\"invalidate\", [\"tracked:a\"]]", await tracker.ReadAsync().WaitAsync(Wait));

        var info = await tracker.CallAsync("CLIENT", "TRACKINGINFO");
        Assert.Equal("{\"flags\": ~[\"on\"], \"redirect\": :0, \"prefixes\": []}", info);
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "off"));
        Assert.Equal(":-1", await tracker.CallAsync("CLIENT", "GETREDIR"));
    }

    [Fact]
    public async Task A_client_tracking_with_NOLOOP_is_not_told_of_its_own_changes_as_redis_server()
    {
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            await using var tracker = await RespTestClient.ConnectAsync(port);
            await using var writer = await RespTestClient.ConnectAsync(port);
            Assert.StartsWith("{", await tracker.CallAsync("HELLO", "3"));
            Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "NOLOOP"));
            Assert.Equal("(nil)", await tracker.CallAsync("GET", "noloop:own"));
            Assert.Equal("(nil)", await tracker.CallAsync("GET", "noloop:other"));
            Assert.Equal("+OK", await tracker.CallAsync("SET", "noloop:own", "mine"));
            Assert.Equal("+OK", await writer.CallAsync("SET", "noloop:other", "theirs"));
            Assert.Equal(">[\"invalidate\", [\"noloop:other\"]]", await tracker.ReadAsync().WaitAsync(Wait));
            Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "off"));

            Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "noloopb:", "NOLOOP"));
            Assert.Equal("+OK", await tracker.CallAsync("SET", "noloopb:own", "mine"));
            Assert.Equal("+OK", await writer.CallAsync("SET", "noloopb:other", "theirs"));
            Assert.Equal(">[\"invalidate\", [\"noloopb:other\"]]", await tracker.ReadAsync().WaitAsync(Wait));
            Assert.Equal(":2", await writer.CallAsync("DEL", "noloop:own", "noloop:other"));
            Assert.Equal(":2", await writer.CallAsync("DEL", "noloopb:own", "noloopb:other"));
        }
    }

    [Fact]
    public async Task A_RESP2_client_redirects_its_invalidations_to_a_subscriber_of_the_invalidate_channel()
    {
        await using var tracker = await fixture.ConnectAsync();
        await using var listener = await fixture.ConnectAsync();
        await using var writer = await fixture.ConnectAsync();
        var listenerId = (await listener.CallAsync("CLIENT", "ID")).TrimStart(':');
        Assert.Equal("[\"subscribe\", \"__redis__:invalidate\", :1]", await listener.CallAsync("SUBSCRIBE", "__redis__:invalidate"));
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "REDIRECT", listenerId));
        Assert.Equal(":" + listenerId, await tracker.CallAsync("CLIENT", "GETREDIR"));
        Assert.Equal(":0", await tracker.CallAsync("HLEN", "redirected:h"));
        Assert.Equal(":1", await writer.CallAsync("HSET", "redirected:h", "f", "v"));
        Assert.Equal("[\"message\", \"__redis__:invalidate\", [\"redirected:h\"]]", await listener.ReadAsync().WaitAsync(Wait));
        var listed = await tracker.CallAsync("CLIENT", "INFO");
        Assert.Contains(" flags=t ", listed);
        Assert.Contains($" redir={listenerId} ", listed);
    }

    [Fact]
    public async Task Broadcast_mode_tells_of_every_change_under_the_prefixes_in_one_message_per_batch()
    {
        await using var tracker = await Resp3Async();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "bcast:user:", "PREFIX", "bcast:order:"));
        Assert.Equal("+OK", await writer.CallAsync("SET", "bcast:other", "1"));
        Assert.Equal("+OK", await writer.CallAsync("SET", "bcast:user:1", "1"));
        var message = await tracker.ReadAsync().WaitAsync(Wait);
        Assert.Equal(">[\"invalidate\", [\"bcast:user:1\"]]", message);
        Assert.Equal("+OK", await writer.CallAsync("SET", "bcast:order:7", "1"));
        Assert.Equal(">[\"invalidate\", [\"bcast:order:7\"]]", await tracker.ReadAsync().WaitAsync(Wait));
        Assert.Equal("{\"flags\": ~[\"on\", \"bcast\"], \"redirect\": :0, \"prefixes\": [\"bcast:user:\", \"bcast:order:\"]}", await tracker.CallAsync("CLIENT", "TRACKINGINFO"));
        Assert.Equal("-ERR Prefix 'bcast:user:x' overlaps with an existing prefix 'bcast:user:'. Prefixes for a single client must not overlap.",
            await tracker.CallAsync("CLIENT", "TRACKING", "on", "BCAST", "PREFIX", "bcast:user:x"));
    }

    [Fact]
    public async Task OPTIN_tracks_only_the_reads_after_CLIENT_CACHING_yes_and_a_flush_tells_everyone()
    {
        await using var tracker = await Resp3Async();
        await using var writer = await fixture.ConnectAsync();
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "TRACKING", "on", "OPTIN"));
        Assert.Equal("(nil)", await tracker.CallAsync("GET", "optin:untracked"));
        Assert.Equal("+OK", await tracker.CallAsync("CLIENT", "CACHING", "yes"));
        Assert.Equal("(nil)", await tracker.CallAsync("GET", "optin:tracked"));
        Assert.Equal("+OK", await writer.CallAsync("SET", "optin:untracked", "1"));
        Assert.Equal("+OK", await writer.CallAsync("SET", "optin:tracked", "1"));
        Assert.Equal(">[\"invalidate\", [\"optin:tracked\"]]", await tracker.ReadAsync().WaitAsync(Wait));
        Assert.Equal("+OK", await writer.CallAsync("FLUSHALL"));
        Assert.Equal(">[\"invalidate\", (nil)]", await tracker.ReadAsync().WaitAsync(Wait));
    }
}
