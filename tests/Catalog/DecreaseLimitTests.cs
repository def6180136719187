using DataTier.Errors;
using DataTier.Tables;
using Xunit;

namespace DataTier.Tests.Catalog;

/// <summary>DynamoDB's daily quota on throughput decreases: four at any time, then one an hour after the last.</summary>
public class DecreaseLimitTests
{
    private static readonly DateTimeOffset Morning = new(2026, 10, 9, 0, 21, 34, TimeSpan.Zero);

    [Fact]
    public void Four_decreases_are_allowed_at_any_time_then_one_an_hour_after_the_last()
    {
        for (var done = 0; done < 4; done++) Assert.True(DecreaseLimit.Allows(done, done == 0 ? null : Morning, Morning.AddSeconds(1)));
        Assert.False(DecreaseLimit.Allows(4, Morning, Morning.AddMinutes(59)));
        Assert.True(DecreaseLimit.Allows(4, Morning, Morning.AddHours(1)));
        Assert.False(DecreaseLimit.Allows(5, Morning.AddHours(1), Morning.AddHours(1.5)));
        Assert.True(DecreaseLimit.Allows(26, Morning.AddHours(22), Morning.AddHours(23)));
    }

    [Fact]
    public void The_refusal_is_AWSs_LimitExceededException()
    {
        var refused = Assert.Throws<DynamoException>(() => DecreaseLimit.Check(4, Morning, Morning.AddMinutes(10)));
        Assert.Equal(DynamoErrorCode.LimitExceededException, refused.Code);
        Assert.Equal("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, "
            + "each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: 4. "
            + "Last decrease at Friday, October 9, 2026 at 12:21:34 AM Coordinated Universal Time. "
            + "Next decrease can be made at Friday, October 9, 2026 at 1:21:34 AM Coordinated Universal Time", refused.Message);
    }

    [Fact]
    public void A_new_UTC_day_starts_the_count_again()
    {
        var table = new TableDescription
        {
            Name = "t",
            Id = Guid.NewGuid(),
            KeySchema = new TableKeySchema(new KeyAttribute("pk", DataTier.Model.AttrType.S), null),
            AttributeDefinitions = [],
            Partitions = PartitionMap.Uniform(1),
            ThroughputDecreasedTime = Morning.AddHours(23.5),
            DecreasesOnThatDay = 9,
        };
        Assert.False(DecreaseLimit.Allows(table.DecreasesToday(Morning.AddHours(23.6)), table.ThroughputDecreasedTime, Morning.AddHours(23.6)));
        Assert.True(DecreaseLimit.Allows(table.DecreasesToday(Morning.AddHours(23.7)), table.ThroughputDecreasedTime, Morning.AddHours(23.7)));
    }
}
