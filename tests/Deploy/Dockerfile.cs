using System.Text.Json;

namespace DataTier.Tests.Deploy;

/// <summary>A Dockerfile read into instructions; enough to check its stages, user, ports and entry point.</summary>
public sealed class Dockerfile
{
    public Dockerfile(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimEnd();
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)) continue;
            if (line.TrimStart().StartsWith('#')) continue; // a comment inside a continued instruction
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var text = (pending + line).Trim();
            pending = "";
            var space = text.IndexOf(' ');
            var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
            if (keyword == "FROM") stage++;
            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }
        Instructions = instructions;
    }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>Each stage's base image and name (<c>FROM image AS name</c>).</summary>
    public IReadOnlyList<(string Image, string? Name)> Stages =>
        Instructions.Where(i => i.Keyword == "FROM").Select(i =>
        {
            var parts = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (parts[0], parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null);
        }).ToList();

    public int FinalStage => Stages.Count - 1;

    public IEnumerable<DockerInstruction> InStage(int stage, string keyword) => Instructions.Where(i => i.Stage == stage && i.Keyword == keyword);

    /// <summary>An exec-form (JSON array) argument list, e.g. of ENTRYPOINT.</summary>
    public static string[] ExecForm(string arguments) => JsonSerializer.Deserialize<string[]>(arguments) ?? [];
}
