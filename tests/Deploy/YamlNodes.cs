using YamlDotNet.RepresentationModel;

namespace DataTier.Tests.Deploy;

/// <summary>Reading YAML representation nodes by key, failing with the missing path.</summary>
public static class YamlNodes
{
    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Find(key) as YamlMappingNode ?? throw new KeyNotFoundException($"no mapping '{key}' at {node.Start}");

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        node.Find(key) as YamlSequenceNode ?? throw new KeyNotFoundException($"no sequence '{key}' at {node.Start}");

    public static string Str(this YamlNode node, string key) =>
        node.StrOrNull(key) ?? throw new KeyNotFoundException($"no scalar '{key}' at {node.Start}");

    public static string? StrOrNull(this YamlNode node, string key) => (node.Find(key) as YamlScalarNode)?.Value;

    /// <summary>A path of mapping keys, e.g. <c>"spec.template.spec"</c>.</summary>
    public static YamlMappingNode Path(this YamlNode node, string dottedPath) =>
        dottedPath.Split('.').Aggregate((YamlMappingNode)node, (n, key) => n.Map(key));

    public static IEnumerable<YamlMappingNode> Maps(this YamlSequenceNode sequence) => sequence.Children.OfType<YamlMappingNode>();

    public static IEnumerable<string> Strings(this YamlSequenceNode sequence) =>
        sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    /// <summary>The mapping's scalar entries as a dictionary (a ConfigMap's <c>data</c>, a label set).</summary>
    public static Dictionary<string, string> Scalars(this YamlMappingNode map) =>
        map.Children.Where(c => c.Value is YamlScalarNode)
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "", StringComparer.Ordinal);

    public static bool IsNull(this YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "null" or "~" or "Null" or "NULL" };
}
