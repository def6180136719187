using DataTier.AutoScaling;
using DataTier.Catalog;
using DataTier.Client.Requests;
using DataTier.Errors;
using DataTier.Model;
using Xunit;

namespace DataTier.Tests.Cluster;

/// <summary>
/// Target tracking on a three-silo cluster (evaluated every 200 ms over a 1 s window here): the silos report
/// what a PROVISIONED table or global secondary index consumed, and the catalog moves its units between the target's bounds.
/// </summary>
[Collection("cluster")]
public class AutoScalingClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Writes_above_the_target_scale_a_table_out_to_its_maximum_and_quiet_scales_it_back_in()
    {
        var name = await ThroughputClusterTests.CreateProvisionedTable(fixture, "autoscaling", read: 5, write: 5);
        var catalog = fixture.Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        await catalog.RegisterScalableTarget(new ScalableResource(name), CapacityDimension.WriteCapacityUnits, 5, 40);
        await catalog.PutScalingPolicy(new ScalableResource(name), CapacityDimension.WriteCapacityUnits, new ScalingPolicy("writes", 50, 0, 0, false, DateTimeOffset.UtcNow));

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

        var activities = (await catalog.ScalingActivities()).Where(a => a.Resource == new ScalableResource(name)).ToList();
        Assert.All(activities, a => Assert.True(a.Successful, a.StatusMessage));
        Assert.Contains(activities, a => a.Description == "Setting write capacity units to 40.");
        Assert.Equal("Setting write capacity units to 5.", activities[0].Description);
    }

    [Fact]
    public async Task Writes_fed_to_a_global_index_scale_the_indexs_write_units_out_and_quiet_scales_them_back_in()
    {
        var name = "autoscaling-index-" + Guid.NewGuid().ToString("N")[..8];
        var pk = new Tables.KeyAttribute("pk", AttrType.S);
        var g = new Tables.KeyAttribute("g", AttrType.S);
        await fixture.Tables.CreateTableAsync(new Tables.TableDefinition
        {
            Name = name,
            KeySchema = new Tables.TableKeySchema(pk, null),
            AttributeDefinitions = [pk, g],
            ReadCapacityUnits = 1000,
            WriteCapacityUnits = 1000,
            GlobalIndexes = [new Tables.GlobalSecondaryIndex
            {
                Name = "byG", KeySchema = new Tables.TableKeySchema(g, null), Projection = Tables.IndexProjection.All, ReadCapacityUnits = 5, WriteCapacityUnits = 5,
            }],
        });
        var catalog = fixture.Cluster.GrainFactory.GetGrain<ITableCatalogGrain>(0);
        var index = new ScalableResource(name, "byG");
        await catalog.RegisterScalableTarget(index, CapacityDimension.WriteCapacityUnits, 5, 30);
        await catalog.PutScalingPolicy(index, CapacityDimension.WriteCapacityUnits, new ScalingPolicy("index-writes", 50, 0, 0, false, DateTimeOffset.UtcNow));
        Assert.Equal(index, Assert.Single(await catalog.ScalableTargets(), t => t.Resource.Table == name).Resource);

        async Task<long> IndexWriteUnits() => Assert.Single((await fixture.Tables.DescribeTableAsync(name)).GlobalIndexes).WriteCapacityUnits;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long units = 5;
        for (var i = 0; units < 30 && DateTime.UtcNow < deadline; i++)
        {
            await fixture.Tables.PutItemAsync(new PutItemRequest
            {
                TableName = name,
                Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS($"k{i % 100}"), ["g"] = AttrValue.FromS($"g{i}") },
            });
            if (i % 50 == 0) units = await IndexWriteUnits();
        }
        Assert.Equal(30, units);
        // The table's own units are not touched.
        Assert.Equal(1000, (await fixture.Tables.DescribeTableAsync(name)).WriteCapacityUnits);

        // The index's feed trails the table: once it has caught up, nothing more is written to the index.
        await IndexTestTables.DrainAsync(fixture.Cluster.GrainFactory, fixture.Tables, name);
        List<ScalingActivity> activities = [];
        while (DateTime.UtcNow < deadline.AddSeconds(15))
        {
            await Task.Delay(100);
            units = await IndexWriteUnits();
            activities = [.. (await catalog.ScalingActivities()).Where(a => a.Resource == index)];
            if (units == 5 && activities[0].Description == "Setting write capacity units to 5.") break;
        }
        Assert.Equal(5, units);
        Assert.All(activities, a => Assert.True(a.Successful, a.StatusMessage));
        Assert.Equal("Setting write capacity units to 5.", activities[0].Description);
    }
}
