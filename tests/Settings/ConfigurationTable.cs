using DataTier.Tests.Deploy;

namespace DataTier.Tests.Settings;

/// <summary>The rows of the table in README's Configuration section: appsettings key, environment variable, default, meaning.</summary>
public sealed class ConfigurationTable
{
    private ConfigurationTable(IReadOnlyList<Row> rows) => Rows = rows;

    public IReadOnlyList<Row> Rows { get; }

    public sealed record Row(string Key, string EnvironmentVariable, string Default, string Meaning);

    public static ConfigurationTable FromReadme()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## Configuration");
        if (start < 0) throw new InvalidOperationException("README.md has no '## Configuration' section");
        var rows = new List<Row>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var cells = Cells(lines[i]);
            if (cells is not { Length: 4 } || cells[0].StartsWith("---", StringComparison.Ordinal) || !cells[0].StartsWith('`')) continue;
            rows.Add(new Row(Code(cells[0]) ?? cells[0], Code(cells[1]) ?? cells[1], cells[2], cells[3]));
        }
        return new ConfigurationTable(rows);
    }

    /// <summary>The first <c>`code`</c> span of a cell, or null.</summary>
    public static string? Code(string cell)
    {
        var open = cell.IndexOf('`', StringComparison.Ordinal);
        if (open < 0) return null;
        var close = cell.IndexOf('`', open + 1);
        return close < 0 ? null : cell[(open + 1)..close];
    }

    private static string[]? Cells(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('|') || !trimmed.EndsWith('|')) return null;
        return [.. trimmed[1..^1].Split('|').Select(c => c.Trim())];
    }
}
