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
            if (expected != actual && Environment.GetEnvironmentVariable("RANDOM_DIFFERENTIAL_DUMP") is { } dump) File.WriteAllLines($"{dump}/seed-{seed}.txt", history);
            Assert.True(expected == actual,
                $"seed {seed}, command {history.Count}: {line}\n    redis: {expected}\n    ours:  {actual}\nthe commands before it:\n" + string.Join("\n", history.TakeLast(25)));
        }
    }
}
