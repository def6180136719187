using DataTier.Cache.Commands;

namespace DataTier.Tests.Cache;

/// <summary>
/// Sends <c>COMMAND &lt;subcommand&gt; NAME</c> for every served command to the cache and to redis-server, in RESP3 (so
/// sets and maps are told from arrays), and lists the commands whose replies differ once both are normalized against
/// the subcommands the cache lists for that command.
/// </summary>
public static class EveryCommandComparison
{
    public static async Task<List<string>> DifferencesAsync(CacheSiloFixture fixture, string subcommand,
        Func<string, IReadOnlySet<string>> served, Func<string, IReadOnlySet<string>, string> normalized)
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await ours.CallAsync("HELLO", "3");
        await theirs.CallAsync("HELLO", "3");
        var differences = new List<string>();
        foreach (var spec in CommandTable.All)
        {
            var actual = await ours.CallAsync("COMMAND", subcommand, spec.Name);
            var listed = served(actual);
            var expected = normalized(await theirs.CallAsync("COMMAND", subcommand, spec.Name), listed);
            actual = normalized(actual, listed);
            if (expected != actual) differences.Add($"{spec.Name}:\n redis {expected}\n ours  {actual}");
        }
        return differences;
    }
}
