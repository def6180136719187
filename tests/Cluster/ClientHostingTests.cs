using DataTier.Client;
using DataTier.Client.Hosting;
using DataTier.Client.Requests;
using DataTier.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace DataTier.Tests.Cluster;

[Collection("cluster")]
public class ClientHostingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_service_host_reaches_the_cluster_with_one_registration()
    {
        await PartitioningTests.CreateTable(fixture, "hosted");
        var gateway = fixture.Cluster.Primary!.GatewayAddress!.Endpoint;
        var builder = Host.CreateApplicationBuilder();
        builder.AddDataTierClient(o =>
        {
            o.Gateways = [$"{gateway.Address}:{gateway.Port}"];
            o.ClusterId = fixture.Cluster.Options.ClusterId;
            o.ServiceId = fixture.Cluster.Options.ServiceId;
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var tables = host.Services.GetRequiredService<ITableClient>();
            var written = await tables.PutItemAsync(new PutItemRequest
            {
                TableName = "hosted",
                Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("from-service"), ["n"] = AttrValue.FromN("1") },
            });
            var read = await fixture.Tables.GetItemAsync(new GetItemRequest { TableName = "hosted", Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS("from-service") } });
            Assert.Equal(written.Version, read.Version);
            Assert.Equal("1", read.Item!["n"].Text);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
