using System.Text.Json;
using DataTier.GlobalTables;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.GlobalTables;

/// <summary>The table's values a region keeps beside its own replica settings, and what a replica added from there starts from.</summary>
public sealed class TableValuesTests
{
    /// <summary>A PROVISIONED table of 100 read units with an index g of 100, class STANDARD.</summary>
    private static TableDescription Table() => new()
    {
        Name = "t",
        Id = Guid.NewGuid(),
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
        AttributeDefinitions = [],
        Partitions = PartitionMap.Uniform(1),
        ReadCapacityUnits = 100,
        WriteCapacityUnits = 5,
        TableClass = TableClass.STANDARD,
        GlobalIndexes = [new GlobalSecondaryIndex
        {
            Name = "g", KeySchema = new TableKeySchema(new KeyAttribute("g", AttrType.S), null), Projection = IndexProjection.All,
            ReadCapacityUnits = 100, WriteCapacityUnits = 5,
        }],
    };

    /// <summary><paramref name="table"/> with <paramref name="own"/> applied, as the catalog applies a region's own settings.</summary>
    private static TableDescription WithOwn(TableDescription table, ReplicaSettings own) => table with
    {
        ReadCapacityUnits = own.ReadCapacityOverride ?? table.ReadCapacityUnits,
        GlobalIndexes = [.. table.GlobalIndexes.Select(i => own.IndexReadOverrides.TryGetValue(i.Name, out var units) ? i with { ReadCapacityUnits = units } : i)],
        TableClass = own.TableClassOverride ?? table.TableClass,
        LocalReplicaSettings = TableValues.Kept(own, table.LocalReplicaSettings, table),
    };

    [Fact]
    public void The_tables_values_kept_beside_a_regions_own_follow_the_tables_changes_and_are_what_a_new_replica_starts_from()
    {
        var own = new ReplicaSettings
        {
            ReadCapacityOverride = 20,
            IndexReadOverrides = new Dictionary<string, long> { ["g"] = 30 },
            TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS,
        };
        var here = WithOwn(Table(), own);
        Assert.Equal((100L, 100L), (here.LocalReplicaSettings!.ReadCapacityElsewhere!.Value, here.LocalReplicaSettings.IndexReadElsewhere["g"]));

        // UpdateTable changes the table's units (in any region): this region keeps its own, and the table's follow.
        here = here with
        {
            LocalReplicaSettings = TableValues.Following(here.LocalReplicaSettings, new TableUpdate(null, 80, 5,
                IndexUpdates: [new GlobalIndexUpdate(null, null, new IndexThroughputUpdate("g", 70, 5))])),
        };
        // Its own set again keep the table's beside them, not this region's former own.
        here = WithOwn(here, own with { ReadCapacityOverride = 25 });
        Assert.Equal(25, here.ReadCapacityUnits);

        var table = TableValues.TableOf(here);
        Assert.Equal(80, table.ReadCapacityUnits);
        Assert.Equal(70, Assert.Single(table.GlobalIndexes).ReadCapacityUnits);
        Assert.Equal(TableClass.STANDARD, table.TableClass);
    }

    [Fact]
    public void A_description_saved_before_the_tables_values_were_kept_is_read_and_gives_the_regions_own()
    {
        var saved = JsonSerializer.SerializeToNode(WithOwn(Table(), new ReplicaSettings { ReadCapacityOverride = 20, IndexReadOverrides = new Dictionary<string, long> { ["g"] = 30 } }))!;
        var settings = saved["LocalReplicaSettings"]!.AsObject();
        foreach (var added in new[] { "ReadCapacityElsewhere", "MaxReadElsewhere", "IndexReadElsewhere", "IndexMaxReadElsewhere" })
            Assert.True(settings.Remove(added), added);

        var read = JsonSerializer.Deserialize<TableDescription>(saved.ToJsonString())!;
        Assert.Equal(20, read.LocalReplicaSettings!.ReadCapacityOverride);
        Assert.Empty(read.LocalReplicaSettings.IndexReadElsewhere);
        var table = TableValues.TableOf(read);
        Assert.Equal(20, table.ReadCapacityUnits);
        Assert.Equal(30, Assert.Single(table.GlobalIndexes).ReadCapacityUnits);
    }
}
