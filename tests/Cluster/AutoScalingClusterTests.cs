using DataTier.AutoScaling;
using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>
/// Target tracking on a three-silo cluster (evaluated every 200 ms over a 1 s window here): the silos report
/// what a PROVISIONED table consumed, and the catalog moves its units between the target's bounds.
/// </summary>
[Collection("cluster")]
public class AutoScalingClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Writes_above_the_target_scale_a_table_out_to_its_maximum_and_quiet_scales_it_back_in()
    {
        var name = await ThroughputClusterTests.CreateProvisionedTable(fixture, "autoscaling", read: 5, write: 5);
        var catalog = fixture.Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        await catalog.RegisterScalableTarget(name, CapacityDimension.WriteCapacityUnits, 5, 40);
        await catalog.PutScalingPolicy(name, CapacityDimension.WriteCapacityUnits, new ScalingPolicy("writes", 50, 0, 0, false, DateTimeOffset.UtcNow));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long units = 5;
        for (var i = 0; units < 40 && DateTime.UtcNow < deadline; i++)
        {
            try
            {
                await fixture.Tables.PutItemAsync(new PutItemRequest
                {
                    TableName = name,
                    Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i % 100}") },
                });
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.ProvisionedThroughputExceededException)
            {
            }
            if (i % 50 == 0) units = (await fixture.Tables.DescribeTableAsync(name)).WriteCapacityUnits;
        }
        Assert.Equal(40, units);

        while (units > 5 && DateTime.UtcNow < deadline.AddSeconds(15))
        {
            await Task.Delay(100);
            units = (await fixture.Tables.DescribeTableAsync(name)).WriteCapacityUnits;
        }
        Assert.Equal(5, units);
        var described = await fixture.Tables.DescribeTableAsync(name);
        Assert.Equal(5, described.ReadCapacityUnits);
        Assert.True(described.DecreasesToday(DateTimeOffset.UtcNow) >= 1);

        var activities = (await catalog.ScalingActivities()).Where(a => a.TableName == name).ToList();
        Assert.All(activities, a => Assert.True(a.Successful, a.StatusMessage));
        Assert.Contains(activities, a => a.Description == "Setting write capacity units to 40.");
        Assert.Equal("Setting write capacity units to 5.", activities[0].Description);
    }
}
