using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;
using Orleans.Messaging;
using Xunit;

namespace DataTier.Tests.Membership;

#pragma warning disable CS0618 // the contract's methods without cancellation, as the base class uses them
/// <summary>The membership contract against Microsoft.Orleans.Clustering.Redis on a real redis-server, the silo's <c>Clustering:Kind=Redis</c>.</summary>
public sealed class RedisMembershipTableTests : MembershipTableConformance, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N");
    private readonly ServiceProvider _silo;
    private readonly ServiceProvider _client;

    public RedisMembershipTableTests(RedisServerFixture redis)
    {
        _silo = Build(b => ((ISiloBuilder)b).UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString)));
        _client = Build(b => ((IClientBuilder)b).UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString)));
    }

    protected override IMembershipTable Table => _silo.GetRequiredService<IMembershipTable>();

    protected override IGatewayListProvider Gateways => _client.GetRequiredService<IGatewayListProvider>();

    protected override string ClusterIdOf() => _clusterId;

    public async Task InitializeAsync()
    {
        await Table.InitializeMembershipTable(true);
        await Gateways.InitializeGatewayListProvider();
    }

    public async Task DisposeAsync()
    {
        await Table.DeleteMembershipTableEntries(ClusterIdOf());
        await _silo.DisposeAsync();
        await _client.DisposeAsync();
    }

    private ServiceProvider Build(Action<ProviderBuilder> use)
    {
        var builder = new ProviderBuilder();
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = _clusterId;
            o.ServiceId = "svc";
        });
        use(builder);
        return builder.Services.BuildServiceProvider();
    }
}
#pragma warning restore CS0618
