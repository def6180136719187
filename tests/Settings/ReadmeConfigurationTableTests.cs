using DataTier.Tests.Deploy;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DataTier.Tests.Settings;

/// <summary>
/// README's configuration table documents every setting of every options class the silo binds
/// (<see cref="DataTier.Silo.Configuration.SiloOptionsRegistry"/>), with its environment variable and
/// its default; a new option without a row fails here with the row to add.
/// </summary>
public sealed class ReadmeConfigurationTableTests
{
    private static readonly IConfiguration AppSettings = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.SiloAppSettings).Build();

    [Fact]
    public void Every_setting_has_a_row_with_its_environment_variable_and_default()
    {
        var table = ConfigurationTable.FromReadme();
        var rows = table.Rows.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var setting in DocumentedSetting.All(AppSettings))
        {
            if (!rows.TryGetValue(setting.Key, out var row))
            {
                // A section that falls back on another may be documented by one `Section:*` row.
                if (setting.Inherited && rows.ContainsKey(setting.Key[..setting.Key.LastIndexOf(':')] + ":*")) continue;
                problems.Add($"missing row; add to README's Configuration table:\n| `{setting.Key}` | `{setting.EnvironmentVariable}` | {setting.DefaultCell} | (what it does) |");
                continue;
            }
            if (row.EnvironmentVariable != setting.EnvironmentVariable)
                problems.Add($"row `{setting.Key}`: the environment variable is `{setting.EnvironmentVariable}`, not `{row.EnvironmentVariable}`");
            if (!setting.Inherited && setting.DefaultProblem(row.Default) is { } wrong)
                problems.Add($"row `{setting.Key}`: the default {wrong}");
            if (string.IsNullOrWhiteSpace(row.Meaning)) problems.Add($"row `{setting.Key}`: say what it does");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_row_names_a_setting_the_silo_reads()
    {
        var known = DocumentedSetting.All(AppSettings).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        // Wildcard rows name sections bound to classes of Orleans or .NET, or a section that falls back on another.
        var stale = ConfigurationTable.FromReadme().Rows.Select(r => r.Key)
            .Where(k => !k.EndsWith(":*", StringComparison.Ordinal) && !known.Contains(k))
            .ToList();
        Assert.True(stale.Count == 0, "rows of README's Configuration table that no options class has (remove or rename them):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_check_reads_the_table_and_finds_a_wrong_default()
    {
        var handOff = DocumentedSetting.All(AppSettings).Single(s => s.Key == "Rebalancing:HandOffTimeout");
        Assert.Null(handOff.DefaultProblem("`00:00:20`"));
        Assert.NotNull(handOff.DefaultProblem("`00:00:30`"));
        Assert.NotNull(handOff.DefaultProblem("(none)"));
        var region = DocumentedSetting.All(AppSettings).Single(s => s.Key == "Store:DynamoDb:Region");
        Assert.Null(region.DefaultProblem("(none): `AWS_REGION`"));
        Assert.NotNull(region.DefaultProblem("`us-east-1`"));
        Assert.Contains(ConfigurationTable.FromReadme().Rows, r => r.Key == "Store:RocksDb:Path" && r.EnvironmentVariable == "Store__RocksDb__Path");
    }
}
