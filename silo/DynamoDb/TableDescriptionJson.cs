using System.Text.Json;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>Writes a table description in DescribeTable's shape.</summary>
public static class TableDescriptionJson
{
    public static void Write(Utf8JsonWriter w, TableDescription t)
    {
        w.WriteStartObject();
        w.WriteStartArray("AttributeDefinitions");
        foreach (var d in t.AttributeDefinitions)
        {
            w.WriteStartObject();
            w.WriteString("AttributeName", d.Name);
            w.WriteString("AttributeType", d.Type.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("TableName", t.Name);
        WriteKeySchema(w, t.KeySchema);
        w.WriteString("TableStatus", t.Status.ToString());
        w.WriteEpochSeconds("CreationDateTime", t.CreationTime);
        w.WriteStartObject("ProvisionedThroughput");
        if (t.ThroughputIncreasedTime is { } increased) w.WriteEpochSeconds("LastIncreaseDateTime", increased);
        if (t.ThroughputDecreasedTime is { } decreased) w.WriteEpochSeconds("LastDecreaseDateTime", decreased);
        w.WriteNumber("NumberOfDecreasesToday", t.DecreasesToday(DateTimeOffset.UtcNow));
        w.WriteNumber("ReadCapacityUnits", t.ReadCapacityUnits);
        w.WriteNumber("WriteCapacityUnits", t.WriteCapacityUnits);
        w.WriteEndObject();
        w.WriteNumber("TableSizeBytes", t.TableSizeBytes);
        w.WriteNumber("ItemCount", t.ItemCount);
        w.WriteString("TableArn", t.Arn);
        w.WriteString("TableId", t.Id.ToString());
        if (t.Restore is { } restore)
        {
            w.WriteStartObject("RestoreSummary");
            if (restore.SourceBackupArn is { } backup) w.WriteString("SourceBackupArn", backup);
            w.WriteString("SourceTableArn", restore.SourceTableArn);
            w.WriteEpochSeconds("RestoreDateTime", restore.RestoreDateTime);
            w.WriteBoolean("RestoreInProgress", false);
            w.WriteEndObject();
        }
        // a table that was ever on demand keeps its summary after going back to PROVISIONED, as in AWS
        if (t.BillingMode == BillingMode.PAY_PER_REQUEST || t.BillingModeChangedTime is not null)
        {
            w.WriteStartObject("BillingModeSummary");
            w.WriteString("BillingMode", t.BillingMode.ToString());
            if (t.BillingModeChangedTime is { } changed)
                w.WriteEpochSeconds("LastUpdateToPayPerRequestDateTime", changed);
            w.WriteEndObject();
        }
        if (t.BillingMode == BillingMode.PAY_PER_REQUEST) CapacitySettingsJson.WriteOnDemand(w, t.OnDemandThroughput);
        CapacitySettingsJson.WriteWarm(w, "WarmThroughput", t.WarmThroughput, t.ReadCapacityUnits, t.WriteCapacityUnits, t.Status.ToString());
        if (t.StreamViewType is { } view)
        {
            w.WriteStartObject("StreamSpecification");
            w.WriteBoolean("StreamEnabled", true);
            w.WriteString("StreamViewType", view.ToString());
            w.WriteEndObject();
        }
        if (t.LatestStreamLabel is not null)
        {
            w.WriteString("LatestStreamLabel", t.LatestStreamLabel);
            w.WriteString("LatestStreamArn", t.LatestStreamArn);
        }
        IndexJson.Write(w, t);
        if (t.GlobalTableVersion is { } version)
        {
            // DynamoDB lists the replicas in the other regions.
            w.WriteString("GlobalTableVersion", version);
            w.WriteStartArray("Replicas");
            foreach (var replica in t.RegionReplicas)
            {
                w.WriteStartObject();
                w.WriteString("RegionName", replica.RegionName);
                w.WriteString("ReplicaStatus", replica.Status.ToString());
                if (t.GlobalTableCreated is null) GlobalTables.ReplicaSettingsJson.WriteOverrides(w, replica.Settings, t);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteBoolean("DeletionProtectionEnabled", t.DeletionProtectionEnabled);
        if (t.TableClass is { } tableClass)
        {
            w.WriteStartObject("TableClassSummary");
            w.WriteString("TableClass", tableClass.ToString());
            if (t.TableClassUpdated is { } updated) w.WriteEpochSeconds("LastUpdateDateTime", updated);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>A <c>KeySchema</c> member: the partition key, then the sort key if there is one.</summary>
    internal static void WriteKeySchema(Utf8JsonWriter w, TableKeySchema keys)
    {
        w.WriteStartArray("KeySchema");
        WriteKey(w, keys.PartitionKey.Name, "HASH");
        if (keys.SortKey is not null) WriteKey(w, keys.SortKey.Name, "RANGE");
        w.WriteEndArray();
    }

    private static void WriteKey(Utf8JsonWriter w, string name, string type)
    {
        w.WriteStartObject();
        w.WriteString("AttributeName", name);
        w.WriteString("KeyType", type);
        w.WriteEndObject();
    }
}
