using DataTier.Cache.Commands;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>COMMAND DOCS against redis-server's, for every command served.</summary>
[Collection("cache-wire")]
public sealed class CommandDocsTests(CacheSiloFixture fixture)
{
    /// <summary>
    /// In RESP3, so that sets and maps are told from arrays; as for COMMAND INFO, Redis' subcommands are sorted (it
    /// lists them in its randomly seeded hash table's order) and those the cache does not serve are dropped.
    /// </summary>
    [Fact]
    public async Task The_docs_of_every_command_are_redis_servers()
    {
        var differences = await EveryCommandComparison.DifferencesAsync(fixture, "DOCS",
            reply => Subcommands(reply).Select(e => RenderedReply.Entry(e).Key).ToHashSet(), Normalized);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Docs_without_names_are_those_of_every_command_served_and_names_are_found_as_redis_finds_them()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var all = RenderedReply.Elements(await ours.CallAsync("COMMAND", "DOCS")).Chunk(2).ToList();
        Assert.Equal(CommandTable.All.Select(c => c.Name), all.Select(pair => RenderedReply.Unquoted(pair[0])));
        foreach (var pair in all)
            Assert.Equal(RenderedReply.Elements(await ours.CallAsync("COMMAND", "DOCS", RenderedReply.Unquoted(pair[0])))[1], pair[1]);
        foreach (var call in new[] { new[] { "COMMAND", "DOCS", "GET", "nosuch", "object|ENCODING", "get" }, ["COMMAND", "DOCS", "nosuch"], ["COMMAND", "DOCS", "xinfo|stream"] })
            Assert.Equal(await theirs.CallAsync(call), await ours.CallAsync(call));
    }

    private static List<string> Subcommands(string reply)
    {
        var doc = RenderedReply.Entry(RenderedReply.Elements(reply).Single()).Value;
        return RenderedReply.Elements(doc).Where(e => RenderedReply.Entry(e).Key == "subcommands").Select(e => RenderedReply.Entry(e).Value)
            .SelectMany(RenderedReply.Elements).ToList();
    }

    private static string Normalized(string reply, IReadOnlySet<string> served)
    {
        var (name, doc) = RenderedReply.Entry(RenderedReply.Elements(reply).Single());
        var fields = RenderedReply.Elements(doc).Select(field =>
        {
            var (key, value) = RenderedReply.Entry(field);
            if (key != "subcommands") return field;
            var kept = RenderedReply.Elements(value).Where(e => served.Contains(RenderedReply.Entry(e).Key)).Order(StringComparer.Ordinal);
            return $"\"subcommands\": {{{string.Join(", ", kept)}}}";
        });
        return $"{{\"{name}\": {{{string.Join(", ", fields)}}}}}";
    }
}
