using DataTier.Tables;
using Orleans.Concurrency;

namespace DataTier.Catalog;

/// <summary>The cluster's table catalog (one activation, key 0), persisted in the durable store.</summary>
public interface ITableCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a table; ResourceInUseException if the name is taken.</summary>
    Task<TableDescription> Create(TableDefinition definition);

    /// <summary>Interleaves with other calls: partition grains activated during a catalog call ask for their table.</summary>
    [AlwaysInterleave]
    Task<TableDescription?> Describe(string name);

    [AlwaysInterleave]
    Task<TableDescription?> DescribeById(Guid id);

    Task<TableListPage> List(string? exclusiveStartTableName, int limit);

    /// <summary>Changes billing mode and provisioned throughput.</summary>
    Task<TableDescription> Update(string name, TableUpdate update);

    /// <summary>Enables or disables time to live, with DynamoDB's rules for repeated and conflicting requests.</summary>
    Task<TableDescription> UpdateTimeToLive(string name, TimeToLiveSpecification specification);

    /// <summary>Adds or replaces tags of the table with that ARN.</summary>
    Task Tag(string arn, IReadOnlyDictionary<string, string> tags);

    Task Untag(string arn, IReadOnlyList<string> keys);

    /// <summary>A feeder finished backfilling a global secondary index from one base partition; the index is ACTIVE once all have.</summary>
    Task IndexPartitionBackfilled(string tableName, Guid indexTableId, int partitionId);

    /// <summary>
    /// Splits the current partition <paramref name="partitionId"/> of a table in two at the middle of its
    /// hash range; false when it is no longer current or its range cannot be cut. Returns once the new
    /// map is durable and the children serve.
    /// </summary>
    Task<bool> SplitPartition(string tableName, int partitionId);

    /// <summary>A partition passed a split threshold: split it (one-way, since the split fences the caller).</summary>
    [OneWay]
    Task RequestSplit(Guid tableId, int partitionId);

    /// <summary>Registers a table's or index's dimension for auto scaling, or changes the bounds of one registered (null: unchanged).</summary>
    Task<AutoScaling.ScalableTarget> RegisterScalableTarget(AutoScaling.ScalableResource resource, AutoScaling.CapacityDimension dimension, long? minCapacity, long? maxCapacity);

    /// <summary>Stops auto scaling a dimension, with its policy; ObjectNotFoundException when it is not registered.</summary>
    Task DeregisterScalableTarget(AutoScaling.ScalableResource resource, AutoScaling.CapacityDimension dimension);

    /// <summary>Puts the target-tracking policy of a registered dimension (one per dimension: a new name replaces the old policy).</summary>
    Task PutScalingPolicy(AutoScaling.ScalableResource resource, AutoScaling.CapacityDimension dimension, AutoScaling.ScalingPolicy policy);

    Task DeleteScalingPolicy(AutoScaling.ScalableResource resource, AutoScaling.CapacityDimension dimension, string policyName);

    /// <summary>The registered dimensions of every table and index.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<(AutoScaling.ScalableResource Resource, AutoScaling.ScalableTarget Target)>> ScalableTargets();

    /// <summary>What auto scaling did lately (the last 100 activities), newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<AutoScaling.ScalingActivity>> ScalingActivities();

    /// <summary>A silo's report of the units its PROVISIONED tables and indexes consumed since its last report, by table id (an index's hidden table's).</summary>
    [OneWay]
    Task ReportConsumption(IReadOnlyDictionary<Guid, AutoScaling.ConsumedUnits> consumed);

    /// <summary>Records a backup whose items are in the store; durable on return.</summary>
    Task AddBackup(Backups.BackupDescription backup);

    /// <summary>Every backup, oldest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Backups.BackupDescription>> Backups();

    /// <summary>One backup; BackupNotFoundException when there is none.</summary>
    [AlwaysInterleave]
    Task<Backups.BackupDescription> Backup(string arn);

    /// <summary>Forgets a backup (its items are the caller's to delete); BackupNotFoundException when there is none.</summary>
    Task<Backups.BackupDescription> RemoveBackup(string arn);

    /// <summary>
    /// Gives a table restored from a backup (created on demand, so that copying its items is never throttled)
    /// the billing mode and throughput of the backup's <paramref name="source"/>, and its restore summary.
    /// </summary>
    Task<TableDescription> FinishRestore(string name, TableDescription source, Backups.RestoreSummary summary);

    /// <summary>
    /// Enables or disables point-in-time recovery (UpdateContinuousBackups), or changes its recovery period;
    /// TableNotFoundException when there is no such table. A table just enabled is not restorable until its
    /// recovery grain has seeded the logs.
    /// </summary>
    Task<TableDescription> UpdateContinuousBackups(string name, bool enabled, int? recoveryPeriodInDays);

    /// <summary>
    /// Moves a table's earliest restorable moment forward to <paramref name="earliest"/>, if recovery is still
    /// the one enabled at <paramref name="enabledTime"/>; false when it is not (disabled, or enabled again since).
    /// </summary>
    Task<bool> AdvanceRecovery(Guid tableId, DateTimeOffset enabledTime, DateTimeOffset earliest);

    /// <summary>
    /// Records the other regions holding replicas of the table (global tables): new ones start CREATING, and are sent the
    /// items here. A replica of a global table of version 2017.11.29 stays one, even with no other region.
    /// </summary>
    Task<TableDescription> SetRegionReplicas(string name, IReadOnlyList<string> regions);

    /// <summary>
    /// Makes the table a replica of a global table of version 2017.11.29 created at <paramref name="created"/>, with the
    /// other replicas in <paramref name="regions"/> (CreateGlobalTable, UpdateGlobalTable). TableNotFoundException, in
    /// AWS's words, when there is no such table; ValidationException when it already belongs to another global table.
    /// </summary>
    Task<TableDescription> JoinGlobalTable(string name, IReadOnlyList<string> regions, DateTimeOffset created);

    /// <summary>Makes the table one of this region only: no replicas elsewhere, and no longer a replica of a global table.</summary>
    Task<TableDescription> LeaveGlobalTable(string name);

    /// <summary>The tables here that are replicas of global tables of version 2017.11.29, by name.</summary>
    Task<IReadOnlyList<TableDescription>> GlobalTablesOf2017();

    /// <summary>
    /// Creates this region's replica of another region's table <paramref name="source"/> (as the table's settings are, not the sending
    /// region's own), with replicas in <paramref name="regions"/> and this replica's own settings <paramref name="own"/>, if any.
    /// </summary>
    Task<TableDescription> CreateReplicaTable(TableDescription source, IReadOnlyList<string> regions, GlobalTables.ReplicaSettings? own);

    /// <summary>
    /// Gives this region's replica of a global table (version 2019.11.21) its own settings, replacing those it had: its
    /// read capacity units, its indexes', its table class. LimitExceededException past the day's decreases.
    /// </summary>
    Task<TableDescription> SetLocalReplicaSettings(string name, GlobalTables.ReplicaSettings settings);

    /// <summary>Records the settings of the replica in another region (as DescribeTable's Replicas show them).</summary>
    Task<TableDescription> SetRegionReplicaSettings(string name, string region, GlobalTables.ReplicaSettings settings);

    /// <summary>A partition has sent region <paramref name="region"/> the items it held when the region joined.</summary>
    Task RegionReplicaBackfilled(string name, string region, int partition);

    /// <summary>Deletes a table and its items; returns its description with status DELETING.</summary>
    Task<TableDescription> Delete(string name);
}
