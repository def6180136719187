using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace DataTier.Tests.Deploy;

/// <summary>An overlay built like <c>kubectl kustomize</c> would, with the parts the tests look at.</summary>
public sealed class RenderedOverlay
{
    public const string ConfigMapName = "datatier-settings";
    public const string DeploymentName = "datatier";

    public static readonly string[] Names = ["embedded", "shared-store"];

    public RenderedOverlay(string name)
    {
        Name = name;
        Manifests = Kustomization.Load(RepositoryPaths.Overlay(name)).Build();
        Settings = Single("ConfigMap", ConfigMapName).Root.Map("data").Scalars();
        Deployment = Single("Deployment", DeploymentName);
        PodTemplate = Deployment.Root.Path("spec.template");
        PodSpec = PodTemplate.Map("spec");
        Container = PodSpec.Seq("containers").Maps().Single();
        Configuration = new ConfigurationBuilder()
            .AddJsonFile(RepositoryPaths.SiloAppSettings)
            .AddInMemoryCollection(Settings.Select(kv => new KeyValuePair<string, string?>(SiloSettings.KeyOf(kv.Key), kv.Value)))
            .Build();
    }

    public string Name { get; }

    public IReadOnlyList<Manifest> Manifests { get; }

    /// <summary>The ConfigMap's data: environment variables in <c>Section__Key</c> form.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public Manifest Deployment { get; }

    public YamlMappingNode PodTemplate { get; }

    public YamlMappingNode PodSpec { get; }

    public YamlMappingNode Container { get; }

    /// <summary>What the silo in this overlay's pods reads: appsettings.json, overridden by the ConfigMap.</summary>
    public IConfiguration Configuration { get; }

    public IReadOnlyDictionary<string, string> PodLabels => PodTemplate.Path("metadata").Map("labels").Scalars();

    public IEnumerable<YamlMappingNode> Env => Container.Find("env") is YamlSequenceNode env ? env.Maps() : [];

    /// <summary>Container port numbers by port name.</summary>
    public IReadOnlyDictionary<string, int> ContainerPorts =>
        Container.Seq("ports").Maps().ToDictionary(p => p.Str("name"), p => int.Parse(p.Str("containerPort"), System.Globalization.CultureInfo.InvariantCulture));

    public Manifest Single(string kind, string name) => Manifests.Single(m => m.Kind == kind && m.Name == name);

    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(m => m.Kind == kind);

    public override string ToString() => Name;
}
