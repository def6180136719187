using DataTier.Silo.Configuration;
using DataTier.Tests.Deploy;
using DataTier.Tests.Processes;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace DataTier.Tests.Settings;

/// <summary>An invalid setting of any options class stops the silo at start-up with a message that names it.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Rebalancing:HandOffTimeout", "soon")]
    [InlineData("Rebalancing:HandOffTimeout", "00:00:00")]
    [InlineData("Rebalancing:MovesPerBatch", "0")]
    [InlineData("Rebalancing:PauseBetweenBatches", "-00:00:01")]
    [InlineData("Cache:MaxMemory", "-1")]
    [InlineData("Cache:MaxMemoryPolicy", "sometimes")]
    [InlineData("Cache:MaxMemorySamples", "100")]
    [InlineData("Cache:ActiveExpiryInterval", "00:00:00")]
    [InlineData("Store:Kind", "Cassandra")]
    [InlineData("Store:Kind", "7")]
    [InlineData("Store:RocksDb:Path", " ")]
    [InlineData("Clustering:Kind", "Zookeeper")]
    [InlineData("Clustering:AdvertisedAddress", "not-an-ip")]
    [InlineData("Endpoints:Admin:Url", "notaurl")]
    [InlineData("Endpoints:DynamoDb:Url", "ftp://127.0.0.1:8000")]
    [InlineData("Endpoints:Resp:Port", "65536")]
    [InlineData("Endpoints:Resp:MaxRequestBytes", "0")]
    [InlineData("Endpoints:Memcached:Address", "localhost")]
    [InlineData("Endpoints:Memcached:MaxValueBytes", "0")]
    [InlineData("Orleans:SiloPort", "70000")]
    [InlineData("Orleans:GatewayPort", "-1")]
    [InlineData("Orleans:ClusterId", " ")]
    [InlineData("Partitions:InitialPartitionsPerTable", "0")]
    [InlineData("Partitions:CacheBytesPerPartition", "-5")]
    [InlineData("Streams:TrimInterval", "00:00:00")]
    [InlineData("TimeToLive:SweepInterval", "-00:00:01")]
    [InlineData("TimeToLive:ItemsPerSweep", "many")]
    [InlineData("Indexes:RecordsPerCheckpoint", "0")]
    [InlineData("Transactions:ReadAttempts", "0")]
    [InlineData("Transactions:LedgerRetention", "00:00:01")]
    public void An_invalid_value_is_reported_under_its_key(string key, string value)
    {
        var problems = SettingsValidation.Problems(Settings(new() { [key] = value }));
        Assert.True(problems.Any(p => p.Contains(key, StringComparison.Ordinal)), $"{key}={value}: " + (problems.Count == 0 ? "accepted" : string.Join("; ", problems)));
        Assert.Single(problems);
    }

    [Fact]
    public void The_shipped_settings_and_the_defaults_are_valid()
    {
        Assert.Empty(SettingsValidation.Problems(Settings([])));
        Assert.Empty(SettingsValidation.Problems(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void Settings_of_a_store_that_is_not_used_are_not_checked()
    {
        Assert.Empty(SettingsValidation.Problems(Settings(new() { ["Store:DynamoDb:RequestTimeout"] = "-00:00:01" })));
        Assert.Contains(SettingsValidation.Problems(Settings(new() { ["Store:Kind"] = "DynamoDb", ["Store:DynamoDb:ServiceUrl"] = "http://127.0.0.1:4567", ["Store:DynamoDb:RequestTimeout"] = "-00:00:01" })),
            p => p.Contains("Store:DynamoDb:RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_silo_process_exits_with_code_1_naming_each_invalid_setting()
    {
        using var silo = new SiloProcess(Path.Combine(Path.GetTempPath(), "datatier-invalid-" + Guid.NewGuid().ToString("N")),
            ["--Rebalancing:HandOffTimeout=soon", "--Cache:MaxMemory=-1"]);
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.StartAsync());
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains("DataTier silo not started: ", silo.Output, StringComparison.Ordinal);
        Assert.Contains("'Rebalancing:HandOffTimeout'", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Cache:MaxMemory must not be negative (was -1)", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", failed.Message, StringComparison.Ordinal);
    }

    /// <summary>silo/appsettings.json with these settings on top, as the command line would put them.</summary>
    private static IConfiguration Settings(Dictionary<string, string?> overrides) => new ConfigurationBuilder()
        .AddJsonFile(RepositoryPaths.SiloAppSettings)
        .AddInMemoryCollection(overrides)
        .Build();
}
