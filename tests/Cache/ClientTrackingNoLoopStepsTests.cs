using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// CLIENT TRACKING NOLOOP and the commands this cache runs in steps when their keys are on two shards (a read of the
/// source, a write of the destination, a delete): the client that runs one is not told of the keys it changed, in
/// default and in broadcast mode, as redis-server does not tell it; another client's change is still told.
/// </summary>
[Collection("cache-wire")]
public sealed class ClientTrackingNoLoopStepsTests(CacheSiloFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>What a tracking client hears when a test elsewhere flushes the shared server: not what these tests look at.</summary>
    private const string Flushed = ">[\"invalidate\", (nil)]";

    public static TheoryData<string> Commands() =>
        ["RENAME", "COPY", "SMOVE", "LMOVE", "SUNIONSTORE", "ZUNIONSTORE", "SORT", "GEOSEARCHSTORE", "BITOP", "PFMERGE"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_NOLOOP_client_is_not_told_of_the_keys_its_command_across_shards_changed(string command)
    {
        foreach (var broadcast in new[] { false, true })
        {
            var theirs = await FirstInvalidationAsync(fixture.Redis.Port, command, broadcast);
            Assert.Equal(">[\"invalidate\", [\"other\"]]", theirs);
            Assert.Equal(theirs, await FirstInvalidationAsync(fixture.RespPort, command, broadcast));
        }
    }

    /// <summary>
    /// A NOLOOP tracker makes a source, reads it and a destination on two shards and a third key, runs the command from the
    /// source to the destination, and then another client changes the third key: the invalidations the tracker hears
    /// until it hears of that key, the keys named source, destination and other.
    /// </summary>
    private static async Task<string> FirstInvalidationAsync(int port, string command, bool broadcast)
    {
        var prefix = $"noloopstep{Guid.NewGuid():N}";
        var (source, destination) = ShardKeys.OnTwoShards(prefix);
        var other = prefix + "-other";
        await using var tracker = await RespTestClient.ConnectAsync(port);
        await using var writer = await RespTestClient.ConnectAsync(port);
        Assert.StartsWith("{", await tracker.CallAsync("HELLO", "3"));
        Assert.Equal("+OK", await tracker.CallAsync(broadcast
            ? ["CLIENT", "TRACKING", "on", "NOLOOP", "BCAST", "PREFIX", prefix]
            : ["CLIENT", "TRACKING", "on", "NOLOOP"]));
        var heard = new List<string>();
        // The tracker makes the source itself: a change by another client just before tracking began may still be on its way.
        Assert.False((await ReplyAsync(tracker, heard, Setup(command, source))).StartsWith('-'));
        if (!broadcast) Assert.Equal(":1", await ReplyAsync(tracker, heard, "EXISTS", source, destination, other));
        Assert.False((await ReplyAsync(tracker, heard, Run(command, source, destination))).StartsWith('-'));
        Assert.Equal("+OK", await writer.CallAsync("SET", other, "changed"));
        while (!heard.Any(m => m.Contains(other)))
            if (await tracker.ReadAsync().WaitAsync(Wait) is var message && message != Flushed) heard.Add(message);
        await writer.CallAsync("DEL", source, destination, other);
        return string.Join(" ", heard).Replace(source, "source").Replace(destination, "destination").Replace(other, "other");
    }

    /// <summary>The command's reply; the invalidations that come before it go to <paramref name="heard"/>.</summary>
    private static async Task<string> ReplyAsync(RespTestClient client, List<string> heard, params string[] command)
    {
        await client.SendAsync(command);
        while (true)
        {
            var reply = await client.ReadAsync().WaitAsync(Wait);
            if (!reply.StartsWith('>')) return reply;
            if (reply != Flushed) heard.Add(reply);
        }
    }

    private static string[] Setup(string command, string source) => command switch
    {
        "SMOVE" or "SUNIONSTORE" => ["SADD", source, "a"],
        "LMOVE" or "SORT" => ["RPUSH", source, "2", "1"],
        "ZUNIONSTORE" => ["ZADD", source, "1", "a"],
        "GEOSEARCHSTORE" => ["GEOADD", source, "13.361389", "38.115556", "a"],
        "PFMERGE" => ["PFADD", source, "a"],
        _ => ["SET", source, "a"],
    };

    private static string[] Run(string command, string source, string destination) => command switch
    {
        "SMOVE" => ["SMOVE", source, destination, "a"],
        "LMOVE" => ["LMOVE", source, destination, "LEFT", "RIGHT"],
        "SUNIONSTORE" => ["SUNIONSTORE", destination, source],
        "ZUNIONSTORE" => ["ZUNIONSTORE", destination, "1", source],
        "SORT" => ["SORT", source, "STORE", destination],
        "GEOSEARCHSTORE" => ["GEOSEARCHSTORE", destination, source, "FROMLONLAT", "13", "38", "BYRADIUS", "200", "km"],
        "BITOP" => ["BITOP", "OR", destination, source],
        "PFMERGE" => ["PFMERGE", destination, source],
        _ => [command, source, destination],
    };
}
