using DataTier.Client.Cache;
using DataTier.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The SDK's <see cref="ICacheClient"/> from an Orleans client, through the shard grains.</summary>
public sealed class CacheSdkClientTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Configurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Typed_calls_and_raw_commands_work_through_the_grains()
    {
        ICacheClient cache = new CacheClient(_cluster.Client);
        Assert.True(await cache.SetStringAsync("sdk:a", "hello", TimeSpan.FromMinutes(5)));
        Assert.Equal("hello", await cache.GetStringAsync("sdk:a"));
        Assert.False(await cache.SetStringAsync("sdk:a", "x", when: CacheSetCondition.IfAbsent));
        Assert.InRange((await cache.TimeToLiveAsync("sdk:a"))!.Value.TotalSeconds, 290, 300);
        Assert.Equal(3, await cache.IncrementAsync("sdk:n", 3));
        Assert.True(await cache.DeleteAsync("sdk:a"));
        Assert.Null(await cache.GetAsync("sdk:a"));
        Assert.Equal(1, (await cache.ExecuteAsync("HSET", "sdk:h", "f", "v")).Integer);
        var error = await Assert.ThrowsAsync<CacheException>(() => cache.IncrementAsync("sdk:h"));
        Assert.StartsWith("WRONGTYPE", error.Message);
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddDataTierCache();
    }
}
