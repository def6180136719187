using System.Text.Json;
using DataTier.AutoScaling;
using DataTier.Backups;
using DataTier.Model;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Catalog;

/// <summary>The catalog keeps tables and backups as JSON in the store: what it writes must read back whole after a restart.</summary>
public class CatalogEntryJsonTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 27, 12, 30, 0, TimeSpan.Zero);

    private static TableDescription Table() => new()
    {
        Name = "orders",
        Id = Guid.NewGuid(),
        KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N)),
        AttributeDefinitions = [new KeyAttribute("pk", AttrType.S), new KeyAttribute("sk", AttrType.N)],
        ReadCapacityUnits = 10,
        WriteCapacityUnits = 20,
        Partitions = PartitionMap.Uniform(4),
        ThroughputDecreasedTime = Time,
        DecreasesOnThatDay = 2,
        ScalableTargets =
        [
            new ScalableTarget(CapacityDimension.WriteCapacityUnits, 5, 50, Time, new ScalingPolicy("writes", 70, 0, 60, true, Time), Time, null),
            new ScalableTarget(CapacityDimension.ReadCapacityUnits, 1, 10, Time),
        ],
        Restore = new RestoreSummary("arn:backup", "arn:table", Time),
    };

    [Fact]
    public void A_table_keeps_its_scalable_targets_policies_decreases_and_restore_summary()
    {
        var table = Table();
        var back = JsonSerializer.Deserialize<TableDescription>(JsonSerializer.SerializeToUtf8Bytes(table))!;
        Assert.Equal(table.ScalableTargets, back.ScalableTargets);
        Assert.Equal("writes", back.ScalableTargets[0].Policy!.Name);
        Assert.True(back.ScalableTargets[0].Policy!.DisableScaleIn);
        Assert.Equal(table.Restore, back.Restore);
        Assert.Equal(2, back.DecreasesToday(Time.AddHours(1)));
        Assert.Equal(0, back.DecreasesToday(Time.AddDays(1)));
    }

    [Fact]
    public void A_backup_keeps_its_source_table_and_where_its_items_are()
    {
        var table = Table();
        var backup = new BackupDescription(BackupDescription.NewArn(table, Time), "nightly", table, Guid.NewGuid(), 42, 4200, Time);
        var back = JsonSerializer.Deserialize<BackupDescription>(JsonSerializer.SerializeToUtf8Bytes(backup))!;
        Assert.Equal(backup.Arn, back.Arn);
        Assert.StartsWith(table.Arn + "/backup/01795782600000-", back.Arn);
        Assert.Equal((backup.Name, backup.DataId, backup.ItemCount, backup.SizeBytes, backup.CreationTime),
            (back.Name, back.DataId, back.ItemCount, back.SizeBytes, back.CreationTime));
        Assert.Equal(table.KeySchema, back.Source.KeySchema);
        Assert.Equal(table.Id, back.Source.Id);
        Assert.Equal(table.WriteCapacityUnits, back.Source.WriteCapacityUnits);
    }
}
