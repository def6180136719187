using YamlDotNet.RepresentationModel;

namespace DataTier.Tests.Deploy;

/// <summary>
/// The part of Kubernetes' strategic merge patch the manifests use: mappings merge key by key, a null
/// deletes a key, and lists of named things (containers, env, volumes, ports, mounts) merge item by
/// item on their merge key; other lists are replaced.
/// </summary>
public static class StrategicMerge
{
    private static readonly string[] MergeKeys = ["name", "mountPath", "containerPort"];

    public static void Apply(YamlMappingNode target, YamlMappingNode patch)
    {
        foreach (var (key, value) in patch.Children)
        {
            if (value.IsNull())
            {
                target.Children.Remove(key);
            }
            else if (target.Children.TryGetValue(key, out var existing))
            {
                target.Children[key] = Merge(existing, value);
            }
            else if (value is YamlMappingNode added)
            {
                var fresh = new YamlMappingNode(); // nulls inside a new mapping are dropped, as kustomize does
                Apply(fresh, added);
                target.Children[key] = fresh;
            }
            else
            {
                target.Children[key] = value;
            }
        }
    }

    private static YamlNode Merge(YamlNode target, YamlNode patch)
    {
        switch (target, patch)
        {
            case (YamlMappingNode t, YamlMappingNode p):
                Apply(t, p);
                return t;
            case (YamlSequenceNode t, YamlSequenceNode p) when MergeKeyOf(t, p) is { } mergeKey:
                foreach (var item in p.Maps())
                {
                    var id = item.StrOrNull(mergeKey);
                    var match = t.Maps().FirstOrDefault(x => x.StrOrNull(mergeKey) == id);
                    if (match is null) t.Add(item);
                    else Apply(match, item);
                }
                return t;
            default:
                return patch;
        }
    }

    private static string? MergeKeyOf(YamlSequenceNode target, YamlSequenceNode patch)
    {
        var items = target.Children.Concat(patch.Children).ToList();
        if (items.Count == 0 || !items.All(i => i is YamlMappingNode)) return null;
        return MergeKeys.FirstOrDefault(k => items.All(i => i.Find(k) is YamlScalarNode));
    }
}
