using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class ManifestSyntaxTests
{
    public static TheoryData<string> YamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Manifest.FilesUnder(RepositoryPaths.Deploy)) data.Add(Path.GetRelativePath(RepositoryPaths.Deploy, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_manifest_parses_as_yaml_with_a_kind_and_a_name(string file)
    {
        var path = Path.Combine(RepositoryPaths.Deploy, file);
        Assert.DoesNotContain('\t', File.ReadAllText(path));
        var documents = Manifest.Load(path);
        Assert.NotEmpty(documents);
        foreach (var manifest in documents)
        {
            Assert.False(string.IsNullOrEmpty(manifest.Root.StrOrNull("apiVersion")), $"{file}: no apiVersion");
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{file}: no kind");
            if (manifest.Kind == "Kustomization") continue;
            Assert.False(string.IsNullOrEmpty(manifest.Name), $"{file}: no metadata.name");
        }
    }

    [Fact]
    public void The_deploy_folder_has_yaml_files_a_base_and_the_two_overlays()
    {
        Assert.True(Manifest.FilesUnder(RepositoryPaths.Deploy).Count() >= 15);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Deploy, "base", Kustomization.FileName)));
        var overlays = Directory.GetDirectories(Path.Combine(RepositoryPaths.Deploy, "overlays")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(RenderedOverlay.Names.Order(StringComparer.Ordinal), overlays);
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_object_carries_the_app_labels(string file)
    {
        foreach (var manifest in Manifest.Load(Path.Combine(RepositoryPaths.Deploy, file)))
        {
            if (manifest.Kind == "Kustomization" || IsPatch(manifest.File)) continue;
            var labels = manifest.Root.Map("metadata").Map("labels").Scalars();
            Assert.Equal("datatier", labels["app.kubernetes.io/name"]);
        }
    }

    private static bool IsPatch(string file) => Path.GetFileName(file).EndsWith("-patch.yaml", StringComparison.Ordinal);
}
