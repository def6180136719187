using DataTier.Cache.Commands;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>COMMAND INFO as cluster clients read it (flags, key positions, ACL categories), against redis-server's for every command served.</summary>
[Collection("cache-wire")]
public sealed class CommandInfoTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task The_name_arity_flags_key_positions_and_categories_of_every_command_are_redis_servers()
    {
        await using var ours = await fixture.ConnectAsync();
        await using var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        var differences = new List<string>();
        foreach (var spec in CommandTable.All)
        {
            var expected = Head(await theirs.CallAsync("COMMAND", "INFO", spec.Name));
            var actual = Head(await ours.CallAsync("COMMAND", "INFO", spec.Name));
            if (expected != actual) differences.Add($"{spec.Name}: redis {expected}, ours {actual}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
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

    /// <summary>The first seven elements of the one entry of a COMMAND INFO reply (tips, key specifications and subcommands left out).</summary>
    private static string Head(string reply)
    {
        var entry = reply[1..^1];
        var (depth, elements, inQuotes) = (0, 0, false);
        for (var i = 0; i < entry.Length; i++)
        {
            var c = entry[i];
            if (c == '"') inQuotes = !inQuotes;
            if (inQuotes) continue;
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 1 && ++elements == 7) return entry[..i];
        }
        return entry;
    }
}
