using Microsoft.Extensions.Configuration;
using DataTier.Silo.Configuration;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class SettingsTests
{
    public static TheoryData<string> Overlays() => new(RenderedOverlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_ConfigMap_variable_names_a_setting_the_silo_reads_with_a_value_it_accepts(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        Assert.NotEmpty(built.Settings);
        var problems = built.Settings.Select(kv => SiloSettings.Problem(SiloSettings.KeyOf(kv.Key), kv.Value)).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_set_in_the_pod_environment_names_a_setting_the_silo_reads(string overlay)
    {
        var built = new RenderedOverlay(overlay);
        var settings = built.Env.Select(e => e.Str("name")).Where(n => n.Contains("__", StringComparison.Ordinal)).ToList();
        Assert.Contains("Orleans__ServiceId", settings);
        var problems = settings.Select(n => SiloSettings.Problem(SiloSettings.KeyOf(n), "datatier")).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_setting_in_the_Dockerfile_names_a_setting_the_silo_reads()
    {
        var docker = new Dockerfile(Path.Combine(RepositoryPaths.Deploy, "Dockerfile"));
        var variables = docker.InStage(docker.FinalStage, "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0].Contains("__", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(variables);
        var problems = variables.Select(pair => SiloSettings.Problem(SiloSettings.KeyOf(pair[0]), pair[1])).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_check_rejects_unknown_keys_and_values_of_the_wrong_type()
    {
        Assert.Null(SiloSettings.Problem("Rebalancing:HandOffTimeout", "00:00:30"));
        Assert.Null(SiloSettings.Problem("store:rocksdb:path", "/data"));
        Assert.Null(SiloSettings.Problem("Logging:LogLevel:Orleans.Runtime", "Information"));
        Assert.NotNull(SiloSettings.Problem("Rebalancing:HandOfTimeout", "00:00:30"));
        Assert.NotNull(SiloSettings.Problem("Rebalancing:HandOffTimeout", "soon"));
        Assert.NotNull(SiloSettings.Problem("Orleans:Kubernetes", "maybe"));
        Assert.NotNull(SiloSettings.Problem("Store:Kind", "Cassandra"));
        Assert.NotNull(SiloSettings.Problem("Endpoints:DynamoDb:Port", "8000"));
        Assert.NotNull(SiloSettings.Problem("Logging:LogLevel:Default", "Loud"));
        Assert.NotNull(SiloSettings.Problem("Logging:Console:FormatterOptions:IncludeScope", "true"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Inside_pods_the_endpoints_listen_on_every_interface(string overlay)
    {
        var config = new RenderedOverlay(overlay).Configuration;
        Assert.Equal("0.0.0.0", new Uri(config.GetSection("Endpoints:DynamoDb").Get<DynamoDbEndpointOptions>()!.Url).Host);
        Assert.Equal("0.0.0.0", new Uri(config.GetSection("Endpoints:Admin").Get<AdminEndpointOptions>()!.Url).Host);
        Assert.Equal("0.0.0.0", config["Endpoints:Resp:Address"]);
        Assert.Equal("0.0.0.0", config["Endpoints:Memcached:Address"]);
    }

    [Fact]
    public void Outside_Kubernetes_the_defaults_stay_on_loopback()
    {
        var config = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.SiloAppSettings).Build();
        Assert.Equal("127.0.0.1", new Uri(config.GetSection("Endpoints:DynamoDb").Get<DynamoDbEndpointOptions>()!.Url).Host);
        Assert.Equal("127.0.0.1", new Uri(config.GetSection("Endpoints:Admin").Get<AdminEndpointOptions>()!.Url).Host);
        Assert.Equal("127.0.0.1", new Uri(new DynamoDbEndpointOptions().Url).Host);
        Assert.Equal("127.0.0.1", new Uri(new AdminEndpointOptions().Url).Host);
        Assert.False(config.GetSection("Orleans").Get<ClusterHostOptions>()!.Kubernetes);
        Assert.False(new ClusterHostOptions().Kubernetes);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_log_json_lines_with_scopes(string overlay)
    {
        var config = new RenderedOverlay(overlay).Configuration;
        Assert.Equal("json", config["Logging:Console:FormatterName"]);
        Assert.True(config.GetSection("Logging:Console:FormatterOptions").Get<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>()!.IncludeScopes);
    }
}
