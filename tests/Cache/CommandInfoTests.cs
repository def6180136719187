using DataTier.Cache.Commands;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>COMMAND INFO as clients read it (flags, key positions, ACL categories, tips, key specifications, subcommands), against redis-server's for every command served.</summary>
[Collection("cache-wire")]
public sealed class CommandInfoTests(CacheSiloFixture fixture)
{
    /// <summary>
    /// In RESP3, so that sets and maps are told from arrays. Two differences are taken out of Redis' replies: it lists a
    /// container's subcommands in the order of its hash table, seeded at random on each start, so both sides' are sorted;
    /// and it lists the subcommands the cache does not serve (ACL SETUSER, CLUSTER ADDSLOTS, ...), which are dropped
    /// (<see cref="Every_subcommand_listed_is_served_and_every_other_refused"/> checks which those are).
    /// </summary>
    [Fact]
    public async Task The_whole_entry_of_every_command_is_redis_servers()
    {
        var differences = await EveryCommandComparison.DifferencesAsync(fixture, "INFO", reply => Subcommands(reply).Select(Name).ToHashSet(), Normalized);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Every_subcommand_listed_is_served_and_every_other_refused()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var wrong = new List<string>();
        var listed = 0;
        foreach (var spec in CommandTable.All)
        {
            var served = Subcommands(await ours.CallAsync("COMMAND", "INFO", spec.Name)).Select(Name).ToHashSet();
            foreach (var name in Subcommands(await theirs.CallAsync("COMMAND", "INFO", spec.Name)).Select(Name))
            {
                // Arguments no subcommand takes, so that a served one answers an error rather than acting.
                var reply = await ours.CallAsync([spec.Name, name.Split('|')[1], "x", "x", "x", "x", "x", "x", "x"]);
                var refused = reply.StartsWith("-ERR unknown subcommand '", StringComparison.Ordinal)
                    || reply == "-ERR This instance has cluster support disabled" || reply.Contains("is not available here", StringComparison.Ordinal);
                if (served.Contains(name)) listed++;
                if (refused == served.Contains(name)) wrong.Add($"{name} {(refused ? "listed but refused" : "served but not listed")}: {reply}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(listed > 90, $"only {listed} subcommands listed");
    }

    /// <summary>Every command has its reported flags, and those the cache acts on (write, readonly, denyoom) are the ones it reports.</summary>
    [Fact]
    public void The_flags_the_cache_acts_on_agree_with_the_flags_it_reports()
    {
        var differences = new List<string>();
        foreach (var spec in CommandTable.All)
        {
            Assert.True(CommandInfoTable.Flags.TryGetValue(spec.Name, out var reported), spec.Name + " has no COMMAND INFO flags");
            // A container (OBJECT, XINFO, ...) reports no flags of its own, as in Redis: they are its subcommands'.
            if (reported.Length == 0) continue;
            foreach (var (flag, name) in new[] { (CommandFlags.Write, "write"), (CommandFlags.ReadOnly, "readonly"), (CommandFlags.DenyOom, "denyoom") })
                if (spec.Flags.HasFlag(flag) != reported.Contains(name)) differences.Add($"{spec.Name}: {name} {spec.Flags.HasFlag(flag)} here, {reported.Contains(name)} reported");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>The subcommand entries of the one entry of a COMMAND INFO reply.</summary>
    private static List<string> Subcommands(string reply)
    {
        var fields = RenderedReply.Elements(RenderedReply.Elements(reply).Single());
        return fields[9].StartsWith('[') ? RenderedReply.Elements(fields[9]) : [];
    }

    private static string Name(string entry) => RenderedReply.Unquoted(RenderedReply.Elements(entry)[0]);

    private static string Normalized(string reply, IReadOnlySet<string> served)
    {
        var fields = RenderedReply.Elements(RenderedReply.Elements(reply).Single());
        if (fields[9].StartsWith('['))
            fields[9] = "[" + string.Join(", ", RenderedReply.Elements(fields[9]).Where(e => served.Contains(Name(e))).Order(StringComparer.Ordinal)) + "]";
        return "[" + string.Join(", ", fields) + "]";
    }
}
