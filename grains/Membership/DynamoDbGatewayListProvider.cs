using System.Net;
using DataTier.AwsDynamoDb;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;

namespace DataTier.Membership;

/// <summary>Lets clients find gateways in the DynamoDB membership table: every Active silo with a gateway port.</summary>
public sealed class DynamoDbGatewayListProvider : IGatewayListProvider, IDisposable
{
    private readonly DynamoDbClusteringOptions _options;
    private readonly MembershipItem _item;
    private readonly string _cluster;

    public DynamoDbGatewayListProvider(IOptions<DynamoDbClusteringOptions> options, IOptions<ClusterOptions> cluster, IOptions<GatewayOptions> gateways)
    {
        _options = options.Value;
        _item = new MembershipItem(DynamoDbClients.Create(_options), _options.TableName);
        _cluster = DynamoDbMembershipTable.ClusterKey(cluster.Value.ServiceId, cluster.Value.ClusterId);
        MaxStaleness = gateways.Value.GatewayListRefreshPeriod;
    }

    public TimeSpan MaxStaleness { get; }

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() =>
        DynamoDbTableSetup.EnsureTableAsync(_item.Client, _item.TableName, sortKey: false, _options.CreateTables);

    public async Task<IList<Uri>> GetGateways()
    {
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? item;
        try
        {
            item = await _item.ReadAsync(_cluster);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return [];
        }
        return MembershipItem.RowsOf(item)
            .Select(r => r.Item1)
            .Where(e => e.Status == SiloStatus.Active && e.ProxyPort != 0)
            .Select(e => SiloAddress.New(new IPEndPoint(e.SiloAddress.Endpoint.Address, e.ProxyPort), e.SiloAddress.Generation).ToGatewayUri())
            .ToList();
    }

    public void Dispose() => _item.Client.Dispose();
}
