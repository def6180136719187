using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class KustomizationTests
{
    private static readonly string[] FolderNames = ["base", "overlays/embedded", "overlays/shared-store"];

    public static TheoryData<string> Folders() => new(FolderNames);

    public static TheoryData<string> Overlays() => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_listed_resource_and_patch_exists(string folder)
    {
        var kustomization = Kustomization.Load(Path.Combine(RepositoryPaths.Deploy, folder));
        Assert.NotEmpty(kustomization.Resources);
        foreach (var resource in kustomization.Resources)
        {
            var path = Path.GetFullPath(Path.Combine(kustomization.Directory, resource));
            Assert.True(File.Exists(path) || File.Exists(Path.Combine(path, Kustomization.FileName)), $"{folder}: resource {resource} does not exist");
        }
        foreach (var patch in kustomization.Patches)
            Assert.True(File.Exists(Path.Combine(kustomization.Directory, patch.Path)), $"{folder}: patch {patch.Path} does not exist");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_patch_targets_one_resource_of_the_same_kind_and_name(string overlay)
    {
        var kustomization = Kustomization.Load(RepositoryPaths.Overlay(overlay));
        Assert.NotEmpty(kustomization.Patches);
        var resources = new Kustomization(kustomization.Directory, kustomization.Resources, [], kustomization.Images).Build();
        foreach (var patch in kustomization.Patches)
        {
            var document = Manifest.Load(Path.Combine(kustomization.Directory, patch.Path)).Single();
            Assert.Equal(patch.Kind ?? document.Kind, document.Kind);
            Assert.Equal(patch.Name ?? document.Name, document.Name);
            Assert.Single(resources, r => r.Kind == document.Kind && r.Name == document.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void An_overlay_builds_into_distinct_objects(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var ids = built.Manifests.Select(m => $"{m.Kind}/{m.Name}").ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(built.Manifests, m => m.Kind == "Kustomization");
    }

    [Fact]
    public void Every_yaml_file_is_used_by_a_kustomization()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in FolderNames)
        {
            var kustomization = Kustomization.Load(Path.Combine(RepositoryPaths.Deploy, folder));
            used.Add(Path.Combine(kustomization.Directory, Kustomization.FileName));
            foreach (var resource in kustomization.Resources) used.Add(Path.GetFullPath(Path.Combine(kustomization.Directory, resource)));
            foreach (var patch in kustomization.Patches) used.Add(Path.GetFullPath(Path.Combine(kustomization.Directory, patch.Path)));
        }
        var unused = Manifest.FilesUnder(RepositoryPaths.Deploy).Select(Path.GetFullPath).Where(f => !used.Contains(f)).ToList();
        Assert.True(unused.Count == 0, "not in any kustomization: " + string.Join(", ", unused));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void References_between_objects_resolve(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var names = built.Manifests.Select(m => (m.Kind, m.Name)).ToHashSet();
        Assert.Contains(("ServiceAccount", built.PodSpec.Str("serviceAccountName")), names);
        foreach (var from in built.Container.Seq("envFrom").Maps())
            Assert.Contains(("ConfigMap", from.Map("configMapRef").Str("name")), names);
        foreach (var env in built.Env.Where(e => e.Find("valueFrom")?.Find("secretKeyRef") is not null))
        {
            var reference = env.Map("valueFrom").Map("secretKeyRef");
            var secret = built.Single("Secret", reference.Str("name"));
            Assert.Contains(reference.Str("key"), secret.Root.Map("stringData").Scalars().Keys);
        }
        if (built.PodSpec.Find("volumes") is YamlDotNet.RepresentationModel.YamlSequenceNode volumes)
        {
            foreach (var claim in volumes.Maps().Select(v => v.Find("persistentVolumeClaim")).OfType<YamlDotNet.RepresentationModel.YamlMappingNode>())
                Assert.Contains(("PersistentVolumeClaim", claim.Str("claimName")), names);
            var volumeNames = volumes.Maps().Select(v => v.Str("name")).ToHashSet();
            foreach (var mount in built.Container.Seq("volumeMounts").Maps()) Assert.Contains(mount.Str("name"), volumeNames);
        }
        foreach (var binding in built.OfKind("RoleBinding"))
        {
            Assert.Contains((binding.Root.Map("roleRef").Str("kind"), binding.Root.Map("roleRef").Str("name")), names);
            foreach (var subject in binding.Root.Seq("subjects").Maps()) Assert.Contains((subject.Str("kind"), subject.Str("name")), names);
        }
        foreach (var scaler in built.OfKind("HorizontalPodAutoscaler"))
            Assert.Contains((scaler.Root.Map("spec").Map("scaleTargetRef").Str("kind"), scaler.Root.Map("spec").Map("scaleTargetRef").Str("name")), names);
    }
}
