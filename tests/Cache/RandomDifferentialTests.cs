using DataTier.Silo.Resp;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Random command sequences (fixed seeds, so a failure is reproduced by its seed) run on the cache and on redis-server,
/// every reply compared: over keys of one shard (hash-tagged) and over keys of several, so the cross-shard paths meet
/// the same commands.
/// </summary>
[Collection("cache-wire")]
public sealed class RandomDifferentialTests(CacheSiloFixture fixture)
{
    private const int Commands = 1500;

    /// <summary>Eight seeds in CI; more when exploring: <c>RANDOM_DIFFERENTIAL_SEEDS=200 dotnet test ... --filter RandomDifferential</c>.</summary>
    public static TheoryData<int, bool> Seeds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("RANDOM_DIFFERENTIAL_SEEDS"), out var n) ? n : 8;
        var seeds = new TheoryData<int, bool>();
        for (var seed = 1; seed <= count; seed++) seeds.Add(seed, seed % 2 == 1);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Replies_match_redis(int seed, bool oneShard)
    {
        string[] keys = oneShard ? ["{t}a", "{t}b", "{t}c"] : ["a", "b", "c", "d"];
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        Assert.Equal("+OK", await ours.CallAsync("FLUSHALL"));
        Assert.Equal("+OK", await theirs.CallAsync("FLUSHALL"));
        var history = new List<string>();
        foreach (var line in RandomCommandSequences.Generate(seed, Commands, keys))
        {
            history.Add(line);
            Assert.True(InlineSplitter.TrySplit(System.Text.Encoding.UTF8.GetBytes(line), out var parts), line);
            var args = parts.Select(p => System.Text.Encoding.UTF8.GetString(p).ToUpperInvariant()).ToArray();
            var expected = RandomReplyNormalizer.Normalize(args, await theirs.CallAsync([.. parts]));
            var actual = RandomReplyNormalizer.Normalize(args, await ours.CallAsync([.. parts]));
            if (expected != actual && await IsRandomLexWalkAsync(theirs, args, parts)) return;
            if (expected != actual && Environment.GetEnvironmentVariable("RANDOM_DIFFERENTIAL_DUMP") is { } dump) File.WriteAllLines($"{dump}/seed-{seed}.txt", history);
            Assert.True(expected == actual,
                $"seed {seed}, command {history.Count}: {line}\n    redis: {expected}\n    ours:  {actual}\nthe commands before it:\n" + string.Join("\n", history.TakeLast(25)));
        }
    }

    private static readonly HashSet<string> LexCommands = ["ZRANGEBYLEX", "ZREVRANGEBYLEX", "ZLEXCOUNT", "ZREMRANGEBYLEX", "ZRANGE", "ZRANGESTORE"];

    /// <summary>
    /// Whether Redis' reply was a lex range over a skiplist whose members have different scores: Redis walks such a range
    /// down the skiplist's levels, which it draws at random, so it answers differently from run to run (a listpack it walks
    /// in order, as the cache does). The sequence ends there, as Redis' value may differ from then on.
    /// </summary>
    private static async Task<bool> IsRandomLexWalkAsync(RespTestClient redis, string[] args, List<byte[]> parts)
    {
        if (!LexCommands.Contains(args[0]) || (args[0] is "ZRANGE" or "ZRANGESTORE" && !args.Contains("BYLEX"))) return false;
        var key = System.Text.Encoding.UTF8.GetString(parts[args[0] == "ZRANGESTORE" ? 2 : 1]);
        if (await redis.CallAsync("OBJECT", "ENCODING", key) != "\"skiplist\"") return false;
        var lowest = await redis.CallAsync("ZRANGE", key, "0", "0", "WITHSCORES");
        var highest = await redis.CallAsync("ZRANGE", key, "-1", "-1", "WITHSCORES");
        return lowest.Split(", ")[^1] != highest.Split(", ")[^1];
    }
}
