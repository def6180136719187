namespace DataTier.Tables;

/// <summary>
/// A global secondary index: any partition and sort key. It is a hidden partitioned table of its own
/// (<see cref="IndexTableName"/>), fed from the base table's internal change log, eventually consistent.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GlobalSecondaryIndex
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required TableKeySchema KeySchema { get; init; }
    [Id(2)] public required IndexProjection Projection { get; init; }
    [Id(3)] public long ReadCapacityUnits { get; init; }
    [Id(4)] public long WriteCapacityUnits { get; init; }
    [Id(5)] public IndexStatus Status { get; init; } = IndexStatus.ACTIVE;
    /// <summary>True while the items the table held when the index was added are being copied into it.</summary>
    [Id(6)] public bool Backfilling { get; init; }
    /// <summary>The catalog name of the hidden table that holds the index (not listed by ListTables).</summary>
    [Id(7)] public string IndexTableName { get; init; } = "";
    [Id(11)] public Guid IndexTableId { get; init; }
    /// <summary>Base partitions whose backfill is done (while <see cref="Backfilling"/>).</summary>
    [Id(8)] public IReadOnlyList<int> BackfilledPartitions { get; init; } = [];
    /// <summary>Filled in by DescribeTable from the index table; not kept in the catalog.</summary>
    [Id(9)] public long ItemCount { get; init; }
    [Id(10)] public long SizeBytes { get; init; }
    [Id(12)] public DateTimeOffset? ThroughputIncreasedTime { get; init; }
    [Id(13)] public DateTimeOffset? ThroughputDecreasedTime { get; init; }
    /// <summary>Decreases of the throughput on the UTC day of <see cref="ThroughputDecreasedTime"/>.</summary>
    [Id(14)] public int DecreasesOnThatDay { get; init; }

    /// <summary>The most request units a second the index may use while the table is on demand.</summary>
    [Id(15)] public OnDemandThroughput OnDemandThroughput { get; init; } = OnDemandThroughput.None;

    /// <summary>The warm throughput asked for the index; null: DynamoDB's defaults.</summary>
    [Id(16)] public WarmThroughput? WarmThroughput { get; init; }

    /// <summary>DescribeTable's NumberOfDecreasesToday: the decreases since midnight UTC.</summary>
    public int DecreasesToday(DateTimeOffset now) =>
        ThroughputDecreasedTime is { } last && last.UtcDateTime.Date == now.UtcDateTime.Date ? DecreasesOnThatDay : 0;

    /// <summary>This index with new provisioned throughput, its increase and decrease times and count moved on; LimitExceededException past the day's decreases.</summary>
    public GlobalSecondaryIndex WithThroughput(long read, long write, DateTimeOffset now)
    {
        var increased = read > ReadCapacityUnits || write > WriteCapacityUnits;
        var decreased = read < ReadCapacityUnits || write < WriteCapacityUnits;
        if (decreased) DecreaseLimit.Check(DecreasesToday(now), ThroughputDecreasedTime, now);
        return this with
        {
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
            ThroughputIncreasedTime = increased ? now : ThroughputIncreasedTime,
            ThroughputDecreasedTime = decreased ? now : ThroughputDecreasedTime,
            DecreasesOnThatDay = decreased ? DecreasesToday(now) + 1 : DecreasesOnThatDay,
        };
    }
}
