using System.Globalization;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// CLIENT PAUSE holds expiry as Redis 7.0 does, against a real redis-server given the same commands: a key whose time
/// passes during the pause reads as gone but stays (DBSIZE, expired_keys and the <c>expired</c> event unchanged)
/// until the pause ends, when it is deleted as usual.
/// </summary>
[Collection("cache-wire")]
public sealed class PausedExpiryTests(CacheSiloFixture fixture)
{
    private const string Prefix = "{pause-expiry}";

    [Fact]
    public async Task A_key_that_expires_during_CLIENT_PAUSE_WRITE_reads_as_gone_and_is_deleted_after_the_pause()
    {
        var theirs = await RunAsync(fixture.Redis.Port);
        var ours = await RunAsync(fixture.RespPort);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task A_key_that_expires_during_CLIENT_PAUSE_ALL_is_deleted_only_when_the_pause_times_out()
    {
        foreach (var port in new[] { fixture.Redis.Port, fixture.RespPort })
        {
            var waited = await ExpiredAfterPauseAllAsync(port);
            // Unpaused, the active expiry (every 100 ms on redis-server, 50 ms here) takes the 200-ms key by about 300 ms.
            Assert.True(waited >= 800, $"port {port}: expired {waited} ms into a 1000-ms pause");
        }
    }

    /// <summary>The milliseconds from CLIENT PAUSE 1000 ALL to the expired event of a key set to live 200 ms just before it.</summary>
    private static async Task<long> ExpiredAfterPauseAllAsync(int port)
    {
        await using var admin = await RespTestClient.ConnectAsync(port);
        await using var subscriber = await RespTestClient.ConnectAsync(port);
        await subscriber.CallAsync("SUBSCRIBE", "__keyevent@0__:expired");
        Assert.Equal("+OK", await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "Ex"));
        try
        {
            Assert.Equal("+OK", await admin.CallAsync("SET", Prefix + "all", "v", "PX", "200"));
            Assert.Equal("+OK", await admin.CallAsync("CLIENT", "PAUSE", "1000", "ALL"));
            var started = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal($"[\"message\", \"__keyevent@0__:expired\", \"{Prefix}all\"]", await subscriber.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20)));
            return started.ElapsedMilliseconds;
        }
        finally
        {
            await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    private static async Task<string> RunAsync(int port)
    {
        await using var admin = await RespTestClient.ConnectAsync(port);
        await using var subscriber = await RespTestClient.ConnectAsync(port);
        var transcript = new List<string>();
        await subscriber.CallAsync("SUBSCRIBE", "__keyevent@0__:expired", "__keyevent@0__:keymiss");
        await subscriber.ReadAsync();
        Assert.Equal("+OK", await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "Exm"));
        try
        {
            foreach (var line in new[] { "SET a 1 PX 300", "SET b 1 PX 300", "HSET h f v", "PEXPIRE h 300", "SET live 1" })
                await Call(admin, line);
            Assert.Equal("+OK", await admin.CallAsync("CLIENT", "PAUSE", "100000", "WRITE"));
            var keys = await Integer(admin, "DBSIZE");
            var expired = await ExpiredKeys(admin);
            // KEYS passes over expired keys without deleting them or raising keymiss: the wait is the keys' own.
            while (await admin.CallAsync("KEYS", Prefix + "*") != $"[\"{Prefix}live\"]") await Task.Delay(20);
            transcript.Add($"during the pause: DBSIZE moved {await Integer(admin, "DBSIZE") - keys}, expired_keys {await ExpiredKeys(admin) - expired}");
            foreach (var line in new[] { "GET a", "PTTL b", "EXISTS h", "TYPE a", "OBJECT ENCODING b", "HGET h f", "GET live" })
                transcript.Add($"{line}: {await Call(admin, line)}");
            transcript.Add("expired during the pause: " + await ExpiredEventsUntilMiss(admin, subscriber, "marker1"));
            Assert.Equal("+OK", await admin.CallAsync("CLIENT", "UNPAUSE"));
            foreach (var line in new[] { "GET a", "GET b", "HGET h f" })
                transcript.Add($"after: {line}: {await Call(admin, line)}");
            transcript.Add("expired after the pause: " + await ExpiredEventsUntilMiss(admin, subscriber, "marker2"));
            transcript.Add($"after: DBSIZE fell by at least 3: {await Integer(admin, "DBSIZE") <= keys - 3}, expired_keys grew by at least 3: {await ExpiredKeys(admin) >= expired + 3}");
        }
        finally
        {
            await admin.CallAsync("CLIENT", "UNPAUSE");
            await admin.CallAsync("CONFIG", "SET", "notify-keyspace-events", "");
            await admin.CallAsync("DEL", Prefix + "live");
        }
        return string.Join("\n", transcript);
    }

    private static Task<string> Call(RespTestClient client, string line)
    {
        var words = line.Split(' ');
        return client.CallAsync([words[0], Prefix + words[1], .. words[2..]]);
    }

    /// <summary>A GET of an absent marker key, then the subscriber's expired events for this test's keys up to the marker's keymiss.</summary>
    private static async Task<string> ExpiredEventsUntilMiss(RespTestClient admin, RespTestClient subscriber, string marker)
    {
        Assert.Equal("(nil)", await admin.CallAsync("GET", Prefix + marker));
        var expired = new List<string>();
        while (true)
        {
            var message = await subscriber.ReadAsync().WaitAsync(TimeSpan.FromSeconds(20));
            if (message == $"[\"message\", \"__keyevent@0__:keymiss\", \"{Prefix}{marker}\"]") break;
            if (message.StartsWith("[\"message\", \"__keyevent@0__:expired\", \"" + Prefix, StringComparison.Ordinal))
                expired.Add(message.Split('"')[5][Prefix.Length..]);
        }
        expired.Sort(StringComparer.Ordinal);
        return expired.Count == 0 ? "none" : string.Join(" ", expired);
    }

    private static async Task<long> Integer(RespTestClient client, string command) =>
        long.Parse((await client.CallAsync(command)).TrimStart(':'), CultureInfo.InvariantCulture);

    private static async Task<long> ExpiredKeys(RespTestClient client)
    {
        var info = await client.CallAsync("INFO", "stats");
        var at = info.IndexOf("expired_keys:", StringComparison.Ordinal) + "expired_keys:".Length;
        return long.Parse(info[at..info.IndexOfAny(['\\', '\r', '\n'], at)], CultureInfo.InvariantCulture);
    }
}
