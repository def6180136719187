using YamlDotNet.RepresentationModel;

namespace DataTier.Tests.Deploy;

/// <summary>One Kubernetes object (or kustomization) from a YAML document, with the file it came from.</summary>
public sealed record Manifest(string File, YamlMappingNode Root)
{
    public string Kind => Root.StrOrNull("kind") ?? "";

    public string Name => Root.Find("metadata")?.StrOrNull("name") ?? "";

    public override string ToString() => $"{Kind}/{Name} ({System.IO.Path.GetRelativePath(RepositoryPaths.Root, File)})";

    /// <summary>Every document of a YAML file; each must be a mapping.</summary>
    public static IReadOnlyList<Manifest> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file)) stream.Load(reader);
        return stream.Documents
            .Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException($"{file}: a document is not a mapping"))
            .Select(root => new Manifest(file, root))
            .ToList();
    }

    /// <summary>Every YAML file under a folder.</summary>
    public static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
