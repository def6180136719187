using DataTier.Membership;
using DataTier.Tests.Peers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Xunit;

namespace DataTier.Tests.Membership;

/// <summary>The membership contract against <see cref="DynamoDbMembershipTable"/> and <see cref="DynamoDbGatewayListProvider"/> on dynalite.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbMembershipTableTests : MembershipTableConformance, IAsyncLifetime
{
    private static readonly string Prefix = "mbr" + Guid.NewGuid().ToString("N")[..8] + "-";
    private readonly DynamoDbMembershipTable _table;
    private readonly DynamoDbGatewayListProvider _gateways;
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N");

    public DynamoDbMembershipTableTests(DynaliteFixture dynalite)
    {
        var options = Options.Create(dynalite.Options<DynamoDbClusteringOptions>(o => o.TablePrefix = Prefix));
        var cluster = Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "svc" });
        _table = new DynamoDbMembershipTable(options, cluster, NullLogger<DynamoDbMembershipTable>.Instance);
        _gateways = new DynamoDbGatewayListProvider(options, cluster, Options.Create(new GatewayOptions()));
    }

    protected override IMembershipTable Table => _table;

    protected override IGatewayListProvider Gateways => _gateways;

    protected override string ClusterIdOf() => _clusterId;

    public async Task InitializeAsync()
    {
        await _table.InitializeMembershipTable(true);
        await _gateways.InitializeGatewayListProvider();
    }

    public async Task DisposeAsync()
    {
        await _table.DeleteMembershipTableEntries(ClusterIdOf());
        _table.Dispose();
        _gateways.Dispose();
    }
}
