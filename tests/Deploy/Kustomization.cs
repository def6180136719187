using YamlDotNet.RepresentationModel;

namespace DataTier.Tests.Deploy;

/// <summary>A <c>kustomization.yaml</c>: its resources, its patches (file and target) and its image overrides.</summary>
public sealed record Kustomization(string Directory, IReadOnlyList<string> Resources, IReadOnlyList<KustomizePatch> Patches, IReadOnlyDictionary<string, string> Images)
{
    public const string FileName = "kustomization.yaml";

    public static Kustomization Load(string directory)
    {
        var root = Manifest.Load(System.IO.Path.Combine(directory, FileName)).Single().Root;
        var resources = root.Find("resources") is YamlSequenceNode r ? r.Strings().ToList() : [];
        var patches = root.Find("patches") is YamlSequenceNode p
            ? p.Maps().Select(m => new KustomizePatch(
                m.Str("path"),
                (m.Find("target") as YamlMappingNode)?.StrOrNull("kind"),
                (m.Find("target") as YamlMappingNode)?.StrOrNull("name"))).ToList()
            : [];
        var images = root.Find("images") is YamlSequenceNode i
            ? i.Maps().ToDictionary(m => m.Str("name"), m => (m.StrOrNull("newName") ?? m.Str("name")) + ":" + (m.StrOrNull("newTag") ?? "latest"))
            : new Dictionary<string, string>();
        return new Kustomization(directory, resources, patches, images);
    }

    /// <summary>
    /// What <c>kustomize build</c> would output for the parts used here: the resources (folders built
    /// recursively), then the patches merged into their targets, then the image names replaced.
    /// </summary>
    public IReadOnlyList<Manifest> Build()
    {
        var manifests = new List<Manifest>();
        foreach (var resource in Resources)
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, resource));
            manifests.AddRange(System.IO.Directory.Exists(path) ? Load(path).Build() : Manifest.Load(path));
        }
        foreach (var patch in Patches)
        {
            var patchDocument = Manifest.Load(System.IO.Path.Combine(Directory, patch.Path)).Single();
            var kind = patch.Kind ?? patchDocument.Kind;
            var name = patch.Name ?? patchDocument.Name;
            var targets = manifests.Where(m => m.Kind == kind && m.Name == name).ToList();
            if (targets.Count != 1) throw new InvalidDataException($"patch {patch.Path} in {Directory} matches {targets.Count} resources {kind}/{name}");
            StrategicMerge.Apply(targets[0].Root, patchDocument.Root);
        }
        foreach (var container in manifests.Where(m => m.Kind == "Deployment").SelectMany(m => m.Root.Path("spec.template.spec").Seq("containers").Maps()))
        {
            var image = container.Str("image");
            var bare = image.Split(':')[0];
            if (Images.TryGetValue(bare, out var replacement))
                container.Children[new YamlScalarNode("image")] = new YamlScalarNode(replacement);
        }
        return manifests;
    }
}
