namespace DataTier.Tables;

/// <summary>Everything the catalog knows of a table. A new <see cref="Id"/> is given at each creation, so a re-created table never sees the old one's items.</summary>
[GenerateSerializer, Immutable]
public sealed record TableDescription
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required Guid Id { get; init; }
    [Id(2)] public required TableKeySchema KeySchema { get; init; }
    [Id(3)] public required IReadOnlyList<KeyAttribute> AttributeDefinitions { get; init; }
    [Id(4)] public BillingMode BillingMode { get; init; } = BillingMode.PROVISIONED;
    [Id(5)] public long ReadCapacityUnits { get; init; }
    [Id(6)] public long WriteCapacityUnits { get; init; }
    [Id(7)] public DateTimeOffset CreationTime { get; init; }
    [Id(8)] public TableStatus Status { get; init; } = TableStatus.ACTIVE;
    [Id(9)] public required PartitionMap Partitions { get; init; }
    [Id(10)] public DateTimeOffset? BillingModeChangedTime { get; init; }
    [Id(11)] public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    [Id(12)] public DateTimeOffset? ThroughputIncreasedTime { get; init; }
    [Id(13)] public DateTimeOffset? ThroughputDecreasedTime { get; init; }
    /// <summary>Decreases of the provisioned throughput on the UTC day of <see cref="ThroughputDecreasedTime"/>.</summary>
    [Id(32)] public int DecreasesOnThatDay { get; init; }

    /// <summary>DescribeTable's NumberOfDecreasesToday: the decreases since midnight UTC.</summary>
    public int DecreasesToday(DateTimeOffset now) =>
        ThroughputDecreasedTime is { } last && last.UtcDateTime.Date == now.UtcDateTime.Date ? DecreasesOnThatDay : 0;
    /// <summary>Filled in by DescribeTable from the partitions; not kept in the catalog.</summary>
    [Id(14)] public long ItemCount { get; init; }
    [Id(15)] public long TableSizeBytes { get; init; }
    /// <summary>The view type of the table's enabled stream; null when it has none.</summary>
    [Id(16)] public StreamViewType? StreamViewType { get; init; }
    /// <summary>When the latest stream was enabled (DynamoDB's label format); kept after the stream is disabled.</summary>
    [Id(17)] public string? LatestStreamLabel { get; init; }

    /// <summary>The view type of the latest stream, kept after it is disabled (DescribeStream still reports it).</summary>
    [Id(18)] public StreamViewType? LatestStreamViewType { get; init; }

    /// <summary>The attribute whose epoch seconds expire an item; null while time to live is disabled.</summary>
    [Id(19)] public string? TimeToLiveAttribute { get; init; }

    [Id(20)] public IReadOnlyList<LocalSecondaryIndex> LocalIndexes { get; init; } = [];

    [Id(21)] public IReadOnlyList<GlobalSecondaryIndex> GlobalIndexes { get; init; } = [];

    /// <summary>Set on the hidden table of a global secondary index: the table it indexes.</summary>
    [Id(22)] public string? BaseTableName { get; init; }

    /// <summary>Read replicas of each partition (0 to 5): from the table's setting, its <c>datatier:replicas</c> tag, or the silos' default.</summary>
    [Id(30)] public int ReplicaCount { get; init; }

    /// <summary>The dimensions registered for auto scaling, with their bounds and policies.</summary>
    [Id(31)] public IReadOnlyList<AutoScaling.ScalableTarget> ScalableTargets { get; init; } = [];

    /// <summary>For a table restored from a backup: which, and when.</summary>
    [Id(33)] public Backups.RestoreSummary? Restore { get; init; }

    /// <summary>Point-in-time recovery, while it is enabled; null when disabled.</summary>
    [Id(34)] public Recovery.PointInTimeRecovery? Recovery { get; init; }

    /// <summary>The other regions holding replicas of this global table; empty for a table of this region only.</summary>
    [Id(35)] public IReadOnlyList<GlobalTables.RegionReplica> RegionReplicas { get; init; } = [];

    /// <summary>
    /// Set while the table is a replica of a global table of version 2017.11.29 (made with CreateGlobalTable): when
    /// that global table was created. Null for a table of this region only and for one replicated by version
    /// 2019.11.21 (UpdateTable's ReplicaUpdates).
    /// </summary>
    [Id(36)] public DateTimeOffset? GlobalTableCreated { get; init; }

    /// <summary>While true, DeleteTable is refused.</summary>
    [Id(37)] public bool DeletionProtectionEnabled { get; init; }

    /// <summary>The table class, once CreateTable or UpdateTable named one (DescribeTable's TableClassSummary); null before.</summary>
    [Id(38)] public TableClass? TableClass { get; init; }

    /// <summary>When the table class was last set.</summary>
    [Id(39)] public DateTimeOffset? TableClassUpdated { get; init; }

    /// <summary>
    /// This region's replica's own settings (version 2019.11.21: another region's ReplicaUpdates <c>Update</c> naming this
    /// one), already applied to the units and class above; kept through changes of the table made in any region.
    /// </summary>
    [Id(40)] public GlobalTables.ReplicaSettings? LocalReplicaSettings { get; init; }

    /// <summary>The most request units a second an on-demand table may use (kept through a switch to PROVISIONED, as DynamoDB keeps it).</summary>
    [Id(41)] public OnDemandThroughput OnDemandThroughput { get; init; } = OnDemandThroughput.None;

    /// <summary>The warm throughput CreateTable or UpdateTable asked for; null: DynamoDB's defaults.</summary>
    [Id(42)] public WarmThroughput? WarmThroughput { get; init; }

    /// <summary>The table's class in the regions of a global table that have no class of their own (this one's, unless it has).</summary>
    public TableClass? TableClassElsewhere() => LocalReplicaSettings?.TableClassOverride is null ? TableClass : LocalReplicaSettings.TableClassElsewhere;

    /// <summary>DescribeTable's GlobalTableVersion: null for a table of this region only.</summary>
    public string? GlobalTableVersion => GlobalTableCreated is not null ? "2017.11.29" : RegionReplicas.Count > 0 ? "2019.11.21" : null;

    public string IndexArn(string index) => $"{Arn}/index/{index}";

    public string? LatestStreamArn => LatestStreamLabel is null ? null : $"{Arn}/stream/{LatestStreamLabel}";

    public string Arn => ArnOf(Name);

    /// <summary>The ARN of the table named <paramref name="name"/>.</summary>
    public static string ArnOf(string name) => $"arn:aws:dynamodb:local:000000000000:table/{name}";

    /// <summary>The grain key of the partition with stable id <paramref name="partitionId"/> (see <see cref="PartitionMap.IdAt"/>).</summary>
    public string PartitionGrainKey(int partitionId) => $"{Id:N}/{partitionId}";
}
