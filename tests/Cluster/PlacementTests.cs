using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Partitions;
using DataTier.Placement;
using Xunit;

namespace DataTier.Tests.Cluster;

[Collection("cluster")]
public class PlacementTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Partition_grains_activate_on_their_ring_owner()
    {
        var table = await PartitioningTests.CreateTable(fixture, "ringed");
        for (var i = 0; i < 64; i++)
            await fixture.Tables.PutItemAsync(new PutItemRequest { TableName = "ringed", Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i}") } });

        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        Assert.Equal(3, silos.Length);
        var ring = new ConsistentHashRing<SiloAddress>(silos, ConsistentHashPlacementDirector.SiloIdentity);
        var activations = (await management.GetDetailedGrainStatistics())
            .Where(s => s.GrainId.ToString().Contains(table.Id.ToString("N")))
            .ToList();
        Assert.Equal(table.Partitions.Count, activations.Count);
        foreach (var activation in activations)
            Assert.Equal(ring.OwnerOf(ConsistentHashPlacementDirector.RingKey(activation.GrainId)), activation.SiloAddress);
    }
}
