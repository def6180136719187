using System.Text.Json;
using DataTier.AutoScaling;
using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// Writes the settings of a replica: DescribeGlobalTableSettings' ReplicaSettingsDescription (version 2017.11.29, from the
/// region's own table) and DescribeTable's Replicas entries (version 2019.11.21, from what the region was told of the others).
/// </summary>
public static class ReplicaSettingsJson
{
    /// <summary>
    /// The members of a ReplicaSettingsDescription after RegionName and ReplicaStatus: billing, units and their auto scaling (of
    /// a PROVISIONED table), each global secondary index's, the table class.
    /// </summary>
    public static void WriteMembers(Utf8JsonWriter w, TableDescription table, IReadOnlyList<(ScalableResource Resource, ScalableTarget Target)> targets)
    {
        var provisioned = table.BillingMode == BillingMode.PROVISIONED;
        if (!provisioned || table.BillingModeChangedTime is not null)
        {
            w.WriteStartObject("ReplicaBillingModeSummary");
            w.WriteString("BillingMode", table.BillingMode.ToString());
            if (table.BillingModeChangedTime is { } changed) w.WriteEpochSeconds("LastUpdateToPayPerRequestDateTime", changed);
            w.WriteEndObject();
        }
        if (provisioned)
        {
            w.WriteNumber("ReplicaProvisionedReadCapacityUnits", table.ReadCapacityUnits);
            WriteAutoScaling(w, "ReplicaProvisionedReadCapacityAutoScalingSettings", Target(targets, null, CapacityDimension.ReadCapacityUnits));
            w.WriteNumber("ReplicaProvisionedWriteCapacityUnits", table.WriteCapacityUnits);
            WriteAutoScaling(w, "ReplicaProvisionedWriteCapacityAutoScalingSettings", Target(targets, null, CapacityDimension.WriteCapacityUnits));
        }
        if (table.GlobalIndexes.Count > 0)
        {
            w.WriteStartArray("ReplicaGlobalSecondaryIndexSettings");
            foreach (var index in table.GlobalIndexes)
            {
                w.WriteStartObject();
                w.WriteString("IndexName", index.Name);
                w.WriteString("IndexStatus", index.Status.ToString());
                if (provisioned)
                {
                    w.WriteNumber("ProvisionedReadCapacityUnits", index.ReadCapacityUnits);
                    WriteAutoScaling(w, "ProvisionedReadCapacityAutoScalingSettings", Target(targets, index.Name, CapacityDimension.ReadCapacityUnits));
                    w.WriteNumber("ProvisionedWriteCapacityUnits", index.WriteCapacityUnits);
                    WriteAutoScaling(w, "ProvisionedWriteCapacityAutoScalingSettings", Target(targets, index.Name, CapacityDimension.WriteCapacityUnits));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (table.TableClass is { } tableClass) WriteTableClass(w, tableClass, table.TableClassUpdated);
    }

    /// <summary>A Replicas entry's members after RegionName and ReplicaStatus: the replica's own read capacity, its indexes', its class.</summary>
    public static void WriteOverrides(Utf8JsonWriter w, DataTier.GlobalTables.ReplicaSettings? settings, TableDescription table)
    {
        if (settings?.ReadCapacityOverride is { } read)
        {
            w.WriteStartObject("ProvisionedThroughputOverride");
            w.WriteNumber("ReadCapacityUnits", read);
            w.WriteEndObject();
        }
        if (settings?.MaxReadOverride is { } max)
        {
            w.WriteStartObject("OnDemandThroughputOverride");
            w.WriteNumber("MaxReadRequestUnits", max);
            w.WriteEndObject();
        }
        if (settings is not null && settings.IndexReadOverrides.Count + settings.IndexMaxReadOverrides.Count > 0)
        {
            w.WriteStartArray("GlobalSecondaryIndexes");
            foreach (var index in table.GlobalIndexes)
            {
                var hasUnits = settings.IndexReadOverrides.TryGetValue(index.Name, out var units);
                var hasMax = settings.IndexMaxReadOverrides.TryGetValue(index.Name, out var indexMax);
                if (!hasUnits && !hasMax) continue;
                w.WriteStartObject();
                w.WriteString("IndexName", index.Name);
                if (hasUnits)
                {
                    w.WriteStartObject("ProvisionedThroughputOverride");
                    w.WriteNumber("ReadCapacityUnits", units);
                    w.WriteEndObject();
                }
                if (hasMax)
                {
                    w.WriteStartObject("OnDemandThroughputOverride");
                    w.WriteNumber("MaxReadRequestUnits", indexMax);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (settings?.TableClassOverride is { } own) WriteTableClass(w, own, settings.TableClassUpdated);
        else if (table.TableClassElsewhere() is { } tableClass) WriteTableClass(w, tableClass, null);
    }

    private static ScalableTarget? Target(IReadOnlyList<(ScalableResource Resource, ScalableTarget Target)> targets, string? index, CapacityDimension dimension) =>
        targets.FirstOrDefault(t => t.Resource.Index == index && t.Target.Dimension == dimension).Target;

    /// <summary>An AutoScalingSettingsDescription: the target's bounds and policy, or only AutoScalingDisabled when none is registered.</summary>
    private static void WriteAutoScaling(Utf8JsonWriter w, string name, ScalableTarget? target)
    {
        w.WriteStartObject(name);
        if (target is null)
        {
            w.WriteBoolean("AutoScalingDisabled", true);
            w.WriteEndObject();
            return;
        }
        w.WriteNumber("MinimumUnits", target.MinCapacity);
        w.WriteNumber("MaximumUnits", target.MaxCapacity);
        w.WriteBoolean("AutoScalingDisabled", false);
        w.WriteString("AutoScalingRoleArn", AutoScaling.AutoScalingOperations.RoleArn);
        w.WriteStartArray("ScalingPolicies");
        if (target.Policy is { } policy)
        {
            w.WriteStartObject();
            w.WriteString("PolicyName", policy.Name);
            w.WriteStartObject("TargetTrackingScalingPolicyConfiguration");
            w.WriteBoolean("DisableScaleIn", policy.DisableScaleIn);
            w.WriteNumber("ScaleInCooldown", policy.ScaleInCooldown);
            w.WriteNumber("ScaleOutCooldown", policy.ScaleOutCooldown);
            w.WriteNumber("TargetValue", policy.TargetValue);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTableClass(Utf8JsonWriter w, TableClass tableClass, DateTimeOffset? updated)
    {
        w.WriteStartObject("ReplicaTableClassSummary");
        w.WriteString("TableClass", tableClass.ToString());
        if (updated is { } at) w.WriteEpochSeconds("LastUpdateDateTime", at);
        w.WriteEndObject();
    }
}
