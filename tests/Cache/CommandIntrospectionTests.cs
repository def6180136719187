using DataTier.Cache.Commands;
using DataTier.Cache.Commands.Reference;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>COMMAND COUNT, LIST (FILTERBY), HELP, INFO without names, GETKEYS and GETKEYSANDFLAGS, against redis-server.</summary>
[Collection("cache-wire")]
public sealed class CommandIntrospectionTests(CacheSiloFixture fixture)
{
    /// <summary>Redis lists in its hash table's random order, and lists what the cache does not serve: both sides are sorted, Redis' kept to the names the cache lists.</summary>
    [Fact]
    public async Task List_and_its_filters_give_redis_servers_names_of_what_is_served()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var served = Names(await ours.CallAsync("COMMAND", "LIST"));
        Assert.Empty(served.Except(Names(await theirs.CallAsync("COMMAND", "LIST"))));
        Assert.Equal(CommandTable.All.Length + SubcommandTable.Of.Values.Sum(s => s.Length), served.Count);
        var categories = Names(await theirs.CallAsync("ACL", "CAT"));
        var filters = categories.Select(c => new[] { "ACLCAT", c }).Concat(
        [
            ["ACLCAT", "KEYSPACE"], ["ACLCAT", "nosuch"], ["MODULE", "x"], ["PATTERN", "*"], ["PATTERN", "obj*"], ["PATTERN", "OBJECT|*"],
            ["PATTERN", "*range*"], ["PATTERN", "x[ai]*"], ["PATTERN", "?et"], ["PATTERN", "nosuch"],
        ]);
        foreach (var filter in filters)
        {
            string[] call = ["COMMAND", "LIST", "FILTERBY", .. filter];
            var expected = Names(await theirs.CallAsync(call)).Where(served.Contains).Order(StringComparer.Ordinal);
            Assert.Equal(expected, Names(await ours.CallAsync(call)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Count_help_and_the_errors_of_the_subcommands_are_redis_servers()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        Assert.Equal($":{CommandTable.All.Length}", await ours.CallAsync("COMMAND", "COUNT"));
        string[][] calls =
        [
            ["COMMAND", "HELP"], ["COMMAND", "HELP", "x"], ["COMMAND", "COUNT", "x"], ["COMMAND", "LIST", "x"], ["COMMAND", "LIST", "FILTERBY"],
            ["COMMAND", "LIST", "FILTERBY", "PATTERN"], ["COMMAND", "LIST", "FILTERBY", "bar", "x"], ["COMMAND", "LIST", "FILTERBY", "MODULE", "x", "y"],
            ["COMMAND", "GETKEYS"], ["COMMAND", "GETKEYS", "get"], ["COMMAND", "GETKEYSANDFLAGS"], ["COMMAND", "GETKEYSANDFLAGS", "get"],
            ["COMMAND", "NOSUCH"], ["COMMAND", "INFO", "get", "nosuch", "OBJECT|encoding", "object|nosuch", "xinfo|stream"],
        ];
        foreach (var call in calls) Assert.Equal(await theirs.CallAsync(call), await ours.CallAsync(call));
    }

    [Fact]
    public async Task Info_without_names_gives_every_command_served()
    {
        await using var ours = await fixture.ConnectAsync();
        foreach (var call in new[] { new[] { "COMMAND" }, ["COMMAND", "INFO"] })
        {
            var entries = RenderedReply.Elements(await ours.CallAsync(call));
            Assert.Equal(CommandTable.All.Select(c => c.Name), entries.Select(e => RenderedReply.Unquoted(RenderedReply.Elements(e)[0])));
        }
    }

    /// <summary>
    /// Calls of every served command and subcommand made from its COMMAND DOCS arguments (required ones only, then every
    /// optional one too, repeated ones twice), and calls where a key's place or flags depend on the options.
    /// </summary>
    [Fact]
    public async Task Getkeys_and_getkeysandflags_find_redis_servers_keys_and_flags()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        await ours.CallAsync("HELLO", "3");
        await theirs.CallAsync("HELLO", "3");
        var calls = CommandDocTable.Of.Keys.Where(n => !SubcommandTable.Of.ContainsKey(n))
            .SelectMany(n => new[] { SampleCall(n, optional: false), SampleCall(n, optional: true) })
            .Concat(
            [
                ["set", "k", "v", "GET"], ["set", "k", "get"], ["set", "k", "v", "EX", "10", "get"], ["bitfield", "k", "GET", "u8", "0"],
                ["bitfield", "k", "SET", "u8", "0", "1"], ["bitfield", "k", "incrby", "u8", "0", "1"], ["bitfield", "k"], ["sort", "k", "STORE", "d"],
                ["sort", "k", "BY", "w*", "GET", "#", "STORE", "d"], ["sort_ro", "k", "BY", "w*"], ["georadius", "k", "1", "2", "3", "m", "STORE", "s", "STOREDIST", "d"],
                ["georadius", "k", "1", "2", "3", "m", "store", "s", "store", "t"], ["xread", "COUNT", "1", "STREAMS", "a", "b", "0", "0"], ["xread", "streams", "a", "b", "c"],
                ["xreadgroup", "GROUP", "g", "c", "STREAMS", "a", "0"], ["eval", "s", "2", "a", "b", "c"], ["eval", "s", "5", "a"], ["eval", "s", "x", "a"], ["fcall", "f", "3", "a"],
                ["lmpop", "0", "a", "left"], ["sintercard", "3", "a"], ["zinterstore", "d", "3", "a"], ["blmpop", "0", "3", "a", "left"], ["object", "nosuch", "k"],
                ["client", "list"], ["client", "nosuch", "x"], ["zunionstore", "d", "2", "a", "b"],
                ["lmpop", "3", "a", "b", "left"], ["mset", "a", "1", "b"], ["object", "encoding", "k"], ["memory", "usage", "k"], ["xinfo", "stream", "k", "FULL"],
                ["spublish", "c", "m"], ["watch", "a", "b"],
            ]);
        var differences = new List<string>();
        foreach (var call in calls)
            foreach (var sub in new[] { "GETKEYS", "GETKEYSANDFLAGS" })
            {
                string[] full = ["COMMAND", sub, .. call];
                var (expected, actual) = (await theirs.CallAsync(full), await ours.CallAsync(full));
                if (expected != actual) differences.Add($"{string.Join(' ', full)}: redis {expected}, ours {actual}");
            }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static HashSet<string> Names(string reply) => [.. RenderedReply.Elements(reply).Select(RenderedReply.Unquoted)];

    private static string[] SampleCall(string name, bool optional)
    {
        var words = new List<string>(name.Split('|'));
        var keys = 0;
        void Add(DocArgument argument, bool first)
        {
            var flags = argument.Flags ?? "";
            if (argument.Token is { } token && (first || flags.Contains("multiple_token"))) words.Add(token);
            switch (argument.Type)
            {
                case "pure-token": break;
                case "key": words.Add("k" + ++keys); break;
                case "oneof": Add(argument.Arguments[0], true); break;
                case "block": AddAll(argument.Arguments); break;
                case "integer": words.Add("2"); break;
                case "double": words.Add("1.5"); break;
                case "pattern": words.Add("*"); break;
                case "unix-time": words.Add("100"); break;
                default: words.Add("v"); break;
            }
        }
        void AddAll(IEnumerable<DocArgument> arguments)
        {
            foreach (var argument in arguments)
            {
                var flags = argument.Flags ?? "";
                if (flags.Contains("optional") && !optional) continue;
                for (var time = 0; time < (flags.Contains("multiple") ? 2 : 1); time++) Add(argument, time == 0);
            }
        }
        AddAll(CommandDocTable.Of[name].Arguments);
        return [.. words];
    }
}
