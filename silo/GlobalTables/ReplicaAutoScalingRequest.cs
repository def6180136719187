using DataTier.Silo.DynamoDb;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// An UpdateTableReplicaAutoScaling request (global tables version 2019.11.21): the write auto scaling of the table and its
/// indexes, the same in every region (<paramref name="Global"/>), and the read auto scaling of the table and its indexes in each
/// region ReplicaUpdates names (<paramref name="Replicas"/>). Members' constraints are checked as AWS checks them, all reported together.
/// </summary>
public sealed record ReplicaAutoScalingRequest(string Name, TableSettingsChange Global, IReadOnlyDictionary<string, TableSettingsChange> Replicas)
{
    public static ReplicaAutoScalingRequest Read(ApiRequest r)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        if (name is not null) Client.RequestValidation.TableNameErrors(name, "tableName", r.Invalid);
        var write = GlobalTableSettingsRequest.ReadAutoScaling(r, r, "ProvisionedWriteCapacityAutoScalingUpdate", "provisionedWriteCapacityAutoScalingUpdate");
        var indexes = GlobalTableSettingsRequest.List(r, "GlobalSecondaryIndexUpdates", "globalSecondaryIndexUpdates", 20, (index, prefix) =>
            GlobalTableSettingsRequest.IndexName(index, r, prefix) is { } indexName
                ? new IndexSettingsChange(indexName)
                {
                    WriteAutoScaling = GlobalTableSettingsRequest.ReadAutoScaling(index, r, "ProvisionedWriteCapacityAutoScalingUpdate", prefix + "provisionedWriteCapacityAutoScalingUpdate"),
                }
                : null);
        var replicas = GlobalTableSettingsRequest.List(r, "ReplicaUpdates", "replicaUpdates", 50, (replica, prefix) => ReadReplica(replica, r, prefix));
        r.ThrowIfInvalid();
        var byRegion = new Dictionary<string, TableSettingsChange>(StringComparer.Ordinal);
        foreach (var (region, change) in replicas)
            if (region is not null) byRegion[region] = change;
        return new ReplicaAutoScalingRequest(name!, new TableSettingsChange { WriteAutoScaling = write, Indexes = indexes }, byRegion);
    }

    private static (string? Region, TableSettingsChange Change) ReadReplica(ApiRequest replica, ApiRequest errors, string prefix)
    {
        var region = errors.Required(replica.String("RegionName"), prefix + "regionName");
        var read = GlobalTableSettingsRequest.ReadAutoScaling(replica, errors, "ReplicaProvisionedReadCapacityAutoScalingUpdate", prefix + "replicaProvisionedReadCapacityAutoScalingUpdate");
        var indexes = GlobalTableSettingsRequest.List(replica, "ReplicaGlobalSecondaryIndexUpdates", prefix + "replicaGlobalSecondaryIndexUpdates", 20, (index, at) =>
            GlobalTableSettingsRequest.IndexName(index, errors, at) is { } indexName
                ? new IndexSettingsChange(indexName)
                {
                    ReadAutoScaling = GlobalTableSettingsRequest.ReadAutoScaling(index, errors, "ProvisionedReadCapacityAutoScalingUpdate", at + "provisionedReadCapacityAutoScalingUpdate"),
                }
                : null, errors);
        return (region, new TableSettingsChange { ReadAutoScaling = read, Indexes = indexes });
    }
}
