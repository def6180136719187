using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Runs the same command scripts against the cache and a real redis-server 7 and compares every reply.</summary>
[Collection("cache-wire")]
public sealed class CacheDifferentialTests(CacheSiloFixture fixture)
{
    public static TheoryData<string> Scripts() => [.. DifferentialScripts.All.Keys];

    /// <summary>Replies whose element order Redis does not define (hash tables) are compared sorted.</summary>
    private static readonly HashSet<string> Unordered = ["KEYS", "HGETALL", "HKEYS", "HVALS", "HSCAN",
        "SMEMBERS", "SINTER", "SUNION", "SDIFF", "SSCAN", "SPOP", "SRANDMEMBER", "ZRANDMEMBER", "HRANDFIELD"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Replies_match_redis(string script)
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        Assert.Equal("+OK", await ours.CallAsync("FLUSHALL"));
        Assert.Equal("+OK", await theirs.CallAsync("FLUSHALL"));
        var differences = new List<string>();
        foreach (var line in DifferentialScripts.All[script])
        {
            Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
            var args = parts.Select(p => System.Text.Encoding.UTF8.GetString(p)).ToArray();
            if (args[0] == "DEBUG") continue;
            var expected = Normalize(args[0], await theirs.CallAsync([.. parts]));
            var actual = Normalize(args[0], await ours.CallAsync([.. parts]));
            if (expected != actual) differences.Add($"{line}\n    redis: {expected}\n    ours:  {actual}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} replies differ:\n" + string.Join("\n", differences));
    }

    private static string Normalize(string command, string reply)
    {
        // Milliseconds pass between the two servers' replies: compare PTTL to the second.
        if (command.Equals("PTTL", StringComparison.OrdinalIgnoreCase) && long.TryParse(reply.TrimStart(':'), out var ms) && ms > 0)
            return ":~" + Math.Round(ms / 1000.0);
        // HELLO names the connection's ID, which differs between the two servers.
        if (command.Equals("HELLO", StringComparison.OrdinalIgnoreCase))
            return System.Text.RegularExpressions.Regex.Replace(reply, "\"id\"(:|,) :[0-9]+", "\"id\"$1 :N");
        if (command.Equals("XPENDING", StringComparison.OrdinalIgnoreCase)) return RandomReplyNormalizer.WithoutPendingIdle(reply);
        if (!Unordered.Contains(command.ToUpperInvariant()) || !reply.StartsWith('[')) return reply;
        // Nested arrays (a SCAN's cursor and page) are flattened: the cursor sorts among the elements.
        return "sorted" + string.Join("|", reply.Replace("[", "").Replace("]", "").Split(", ").Order(StringComparer.Ordinal));
    }
}
