using DataTier.Configuration;
using DataTier.Model;
using DataTier.Tables;
using DataTier.Tests.Cache;
using DataTier.Throughput;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Throughput;

public class LocalThroughputTests
{
    private static readonly Guid TableId = Guid.NewGuid();
    private readonly ManualTimeProvider _time = new();

    private static TableDescription Table(BillingMode billing = BillingMode.PROVISIONED, long read = 40, long write = 20, string? baseTable = null) => new()
    {
        Name = "t",
        Id = TableId,
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
        BillingMode = billing,
        ReadCapacityUnits = read,
        WriteCapacityUnits = write,
        Partitions = PartitionMap.Uniform(4),
        BaseTableName = baseTable,
    };

    private LocalThroughput Local(bool enforce = true) =>
        new(Options.Create(new ThroughputOptions { Enforce = enforce, BurstSeconds = 10 }), _time);

    private static (ulong First, ulong Last) Quarter(int i) => (PartitionMap.Uniform(4).StartOf(i), PartitionMap.Uniform(4).EndOf(i));

    [Fact]
    public void A_silo_is_given_the_larger_of_its_partitions_hash_space_and_an_even_split_over_the_silos()
    {
        var local = Local();
        local.SetActiveSilos(4);
        var (first, last) = Quarter(0);
        var throughput = local.Track(TableId, 0, first, last, Table())!;
        Assert.Equal(10 * 10, throughput.Reads.Available, 3);
        Assert.Equal(5 * 10, throughput.Writes.Available, 3);

        (first, last) = Quarter(1);
        Assert.Same(throughput, local.Track(TableId, 1, first, last, Table()));
        Assert.Equal(20 * 10, throughput.Reads.Available, 3);
        local.SetActiveSilos(8);
        Assert.Equal(20 * 10, throughput.Reads.Available, 3);

        local.Untrack(TableId, 1);
        Assert.Equal(10 * 10, throughput.Reads.Available, 3);
        local.Untrack(TableId, 0);
        Assert.Null(local.Of(TableId));
    }

    [Fact]
    public void One_silo_alone_allows_the_whole_table_even_to_a_single_partition()
    {
        var local = Local();
        var (first, last) = Quarter(2);
        var throughput = local.Track(TableId, 2, first, last, Table())!;
        Assert.Equal(40 * 10, throughput.Reads.Available, 3);
        Assert.Equal(20 * 10, throughput.Writes.Available, 3);

        local.SetActiveSilos(2);
        Assert.Equal(20 * 10, throughput.Reads.Available, 3);
        local.SetActiveSilos(1);
        Assert.Equal(40 * 10, throughput.Reads.Available, 3);
    }

    [Fact]
    public void New_units_from_UpdateTable_take_effect_for_the_partitions_here()
    {
        var local = Local();
        var (first, last) = Quarter(0);
        var throughput = local.Track(TableId, 0, first, last, Table(write: 20))!;
        throughput.Writes.Charge(200);
        Assert.False(throughput.Writes.TryAdmit());
        local.Track(TableId, 0, first, last, Table(write: 40));
        Assert.Equal(200, throughput.Writes.Available, 3);
        Assert.True(throughput.Writes.TryAdmit());
    }

    [Fact]
    public void A_global_index_is_held_to_its_read_units_with_the_index_message_and_never_refuses_its_feed()
    {
        var (first, last) = Quarter(0);
        var index = Local().Track(TableId, 0, first, last, Table(baseTable: "base"))!;
        index.Reads.Charge(400);
        var refused = Assert.Throws<DataTier.Errors.DynamoException>(index.AdmitRead);
        Assert.StartsWith("The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded.", refused.Message);
        index.Writes.Charge(1000);
        index.AdmitWrite();
    }

    [Fact]
    public void On_demand_tables_and_a_silo_without_enforcement_are_not_held()
    {
        var (first, last) = Quarter(0);
        Assert.Null(Local().Track(TableId, 0, first, last, Table(BillingMode.PAY_PER_REQUEST)));
        Assert.Null(Local(enforce: false).Track(TableId, 0, first, last, Table()));

        var local = Local();
        Assert.NotNull(local.Track(TableId, 0, first, last, Table()));
        Assert.Null(local.Track(TableId, 0, first, last, Table(BillingMode.PAY_PER_REQUEST)));
        Assert.Null(local.Of(TableId));
        Assert.NotNull(local.Track(TableId, 0, first, last, Table()));
        Assert.Null(local.Track(TableId, 0, first, last, null));
        Assert.Null(local.Of(TableId));
    }

    [Fact]
    public void Writes_here_are_held_to_each_global_index_write_units_times_the_silos_share()
    {
        var local = Local();
        local.SetActiveSilos(2);
        var (first, last) = Quarter(0);
        var table = Table(write: 1000) with
        {
            GlobalIndexes =
            [
                new GlobalSecondaryIndex
                {
                    Name = "byG", KeySchema = new TableKeySchema(new KeyAttribute("g", AttrType.S), null),
                    Projection = new IndexProjection(ProjectionType.ALL), WriteCapacityUnits = 4,
                },
            ],
        };
        var throughput = local.Track(TableId, 0, first, last, table)!;
        var byG = new Dictionary<string, double> { ["byG"] = 1 };
        // Half of 4 units (two silos) with 10 s of burst: 20 units.
        throughput.AdmitIndexWrites(byG);
        throughput.ChargeIndexWrites(new Dictionary<string, double> { ["byG"] = 20 });
        var refused = Assert.Throws<Errors.DynamoException>(() => throughput.AdmitIndexWrites(byG));
        Assert.Equal(Errors.DynamoErrorCode.ProvisionedThroughputExceededException, refused.Code);
        Assert.Contains("global secondary indexes", refused.Message);
        // A write that costs the index nothing, or another index, is not held; the table's own capacity is untouched.
        throughput.AdmitIndexWrites(new Dictionary<string, double> { ["byG"] = 0, ["other"] = 5 });
        throughput.AdmitWrite();
        // Refilled at 2 units a second; UpdateTable's new units apply at once, with their burst.
        _time.Advance(TimeSpan.FromSeconds(1));
        throughput.AdmitIndexWrites(byG);
        throughput.ChargeIndexWrites(new Dictionary<string, double> { ["byG"] = 40 });
        Assert.Throws<Errors.DynamoException>(() => throughput.AdmitIndexWrites(byG));
        local.Track(TableId, 0, first, last, table with { GlobalIndexes = [table.GlobalIndexes[0] with { WriteCapacityUnits = 100 }] });
        throughput.AdmitIndexWrites(byG);
    }
}
