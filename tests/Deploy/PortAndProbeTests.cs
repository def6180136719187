using Microsoft.Extensions.Configuration;
using System.Globalization;
using DataTier.Silo.Configuration;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class PortAndProbeTests
{
    public static TheoryData<string> Overlays() => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Container_ports_are_the_ports_the_silo_is_configured_to_listen_on(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var config = built.Configuration;
        var cluster = config.GetSection("Orleans").Get<ClusterHostOptions>()!;
        var expected = new Dictionary<string, int>
        {
            ["dynamodb"] = new Uri(config.GetSection("Endpoints:DynamoDb").Get<DynamoDbEndpointOptions>()!.Url).Port,
            ["admin"] = new Uri(config.GetSection("Endpoints:Admin").Get<AdminEndpointOptions>()!.Url).Port,
            ["resp"] = int.Parse(config["Endpoints:Resp:Port"]!, CultureInfo.InvariantCulture),
            ["memcached"] = int.Parse(config["Endpoints:Memcached:Port"]!, CultureInfo.InvariantCulture),
            ["silo"] = cluster.SiloPort,
            ["gateway"] = cluster.GatewayPort,
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), built.ContainerPorts.OrderBy(kv => kv.Key));
        Assert.Equal(6379, expected["resp"]);
        Assert.Equal(11211, expected["memcached"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_select_the_silo_pods_and_target_their_named_ports(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var services = built.OfKind("Service").ToList();
        var exposed = new HashSet<string>();
        foreach (var service in services)
        {
            var selector = service.Root.Path("spec").Map("selector").Scalars();
            Assert.NotEmpty(selector);
            Assert.All(selector, kv => Assert.Equal(kv.Value, built.PodLabels.GetValueOrDefault(kv.Key)));
            foreach (var port in service.Root.Path("spec").Seq("ports").Maps())
            {
                var target = port.Str("targetPort");
                Assert.True(built.ContainerPorts.ContainsKey(target), $"{service}: no container port {target}");
                Assert.Equal(built.ContainerPorts[target], int.Parse(port.Str("port"), CultureInfo.InvariantCulture));
                exposed.Add(target);
            }
        }
        Assert.Equal(["admin", "dynamodb", "memcached", "resp"], exposed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Probes_ask_the_admin_port_for_healthz_and_readyz(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        Assert.Equal(("/healthz", "admin"), Probe(built.Container, "livenessProbe"));
        Assert.Equal(("/readyz", "admin"), Probe(built.Container, "readinessProbe"));
        Assert.Equal(("/healthz", "admin"), Probe(built.Container, "startupProbe"));
        Assert.Equal(ProbePaths.Liveness, Probe(built.Container, "livenessProbe").Path);
        Assert.Equal(ProbePaths.Readiness, Probe(built.Container, "readinessProbe").Path);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Prometheus_scrapes_metrics_on_the_admin_port(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var annotations = built.PodTemplate.Map("metadata").Map("annotations").Scalars();
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(built.ContainerPorts["admin"].ToString(CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
    }

    private static (string Path, string Port) Probe(YamlMappingNode container, string probe)
    {
        var get = container.Map(probe).Map("httpGet");
        return (get.Str("path"), get.Str("port"));
    }
}
