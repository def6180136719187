using DataTier.Silo.DynamoDb;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>
/// An UpdateGlobalTableSettings request: what changes in every region (<paramref name="Global"/>) and what changes in each
/// region named by ReplicaSettingsUpdate (<paramref name="Replicas"/>). Members' constraints are checked as AWS checks them,
/// all reported together.
/// </summary>
public sealed record GlobalTableSettingsRequest(string Name, TableSettingsChange Global, IReadOnlyDictionary<string, TableSettingsChange> Replicas)
{
    private const string ValueSet = "[STANDARD, STANDARD_INFREQUENT_ACCESS]";

    public static GlobalTableSettingsRequest Read(ApiRequest r)
    {
        var name = r.Required(r.String("GlobalTableName"), "globalTableName");
        if (name is not null) Client.RequestValidation.TableNameErrors(name, "globalTableName", r.Invalid);
        var billing = r.Enum<BillingMode>("GlobalTableBillingMode", "globalTableBillingMode");
        var write = Units(r, r, "GlobalTableProvisionedWriteCapacityUnits", "globalTableProvisionedWriteCapacityUnits");
        var writeScaling = ReadAutoScaling(r, r, "GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate", "globalTableProvisionedWriteCapacityAutoScalingSettingsUpdate");
        var indexes = List(r, "GlobalTableGlobalSecondaryIndexSettingsUpdate", "globalTableGlobalSecondaryIndexSettingsUpdate", 20, (index, prefix) =>
            IndexName(index, r, prefix) is { } indexName
                ? new IndexSettingsChange(indexName)
                {
                    WriteCapacityUnits = Units(index, r, "ProvisionedWriteCapacityUnits", prefix + "provisionedWriteCapacityUnits"),
                    WriteAutoScaling = ReadAutoScaling(index, r, "ProvisionedWriteCapacityAutoScalingSettingsUpdate", prefix + "provisionedWriteCapacityAutoScalingSettingsUpdate"),
                }
                : null);
        var replicas = List(r, "ReplicaSettingsUpdate", "replicaSettingsUpdate", 50, (replica, prefix) => ReadReplica(replica, r, prefix));
        r.ThrowIfInvalid();
        var global = new TableSettingsChange { BillingMode = billing, WriteCapacityUnits = write, WriteAutoScaling = writeScaling, Indexes = indexes };
        var byRegion = new Dictionary<string, TableSettingsChange>(StringComparer.Ordinal);
        foreach (var (region, change) in replicas)
            if (region is not null) byRegion[region] = change;
        return new GlobalTableSettingsRequest(name!, global, byRegion);
    }

    private static (string? Region, TableSettingsChange Change) ReadReplica(ApiRequest replica, ApiRequest errors, string prefix)
    {
        var region = errors.Required(replica.String("RegionName"), prefix + "regionName");
        var read = Units(replica, errors, "ReplicaProvisionedReadCapacityUnits", prefix + "replicaProvisionedReadCapacityUnits");
        var readScaling = ReadAutoScaling(replica, errors, "ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate", prefix + "replicaProvisionedReadCapacityAutoScalingSettingsUpdate");
        var indexes = List(replica, "ReplicaGlobalSecondaryIndexSettingsUpdate", prefix + "replicaGlobalSecondaryIndexSettingsUpdate", 20, (index, at) =>
            IndexName(index, errors, at) is { } indexName
                ? new IndexSettingsChange(indexName)
                {
                    ReadCapacityUnits = Units(index, errors, "ProvisionedReadCapacityUnits", at + "provisionedReadCapacityUnits"),
                    ReadAutoScaling = ReadAutoScaling(index, errors, "ProvisionedReadCapacityAutoScalingSettingsUpdate", at + "provisionedReadCapacityAutoScalingSettingsUpdate"),
                }
                : null, errors);
        TableClass? tableClass = null;
        if (replica.String("ReplicaTableClass") is { } text)
        {
            if (Enum.TryParse<TableClass>(text, out var parsed) && Enum.IsDefined(parsed) && text == parsed.ToString()) tableClass = parsed;
            else errors.Invalid(prefix + "replicaTableClass", text, "Member must satisfy enum value set: " + ValueSet);
        }
        return (region, new TableSettingsChange { ReadCapacityUnits = read, ReadAutoScaling = readScaling, Indexes = indexes, TableClass = tableClass });
    }

    internal static string? IndexName(ApiRequest index, ApiRequest errors, string prefix)
    {
        var name = errors.Required(index.String("IndexName"), prefix + "indexName");
        if (name is not null) Client.RequestValidation.TableNameErrors(name, prefix + "indexName", errors.Invalid);
        return name;
    }

    /// <summary>A list member's elements, read by <paramref name="read"/> (given each element and its prefix in errors), of 1 to <paramref name="max"/> elements.</summary>
    internal static List<T> List<T>(ApiRequest owner, string member, string parameter, int max, Func<ApiRequest, string, T?> read, ApiRequest? errors = null)
    {
        errors ??= owner;
        if (owner.Array(member) is not { } list) return [];
        var count = list.GetArrayLength();
        if (count == 0) errors.Invalid(parameter, "[]", "Member must have length greater than or equal to 1");
        if (count > max) errors.Invalid(parameter, $"[{count} elements]", $"Member must have length less than or equal to {max}");
        var result = new List<T>();
        var position = 0;
        foreach (var e in list.EnumerateArray())
            if (read(new ApiRequest(e), $"{parameter}.{++position}.member.") is { } value) result.Add(value);
        return result;
    }

    private static long? Units(ApiRequest owner, ApiRequest errors, string member, string parameter)
    {
        var units = owner.Long(member);
        if (units < 1) errors.Invalid(parameter, units, "Member must have value greater than or equal to 1");
        return units;
    }

    /// <summary>An AutoScalingSettingsUpdate member: bounds of at least 1, a role of 1 to 1600 characters, a policy with a TargetValue.</summary>
    internal static AutoScalingUpdate? ReadAutoScaling(ApiRequest owner, ApiRequest errors, string member, string parameter)
    {
        if (owner.Object(member) is not { } element) return null;
        var settings = new ApiRequest(element);
        var prefix = parameter + ".";
        var min = Units(settings, errors, "MinimumUnits", prefix + "minimumUnits");
        var max = Units(settings, errors, "MaximumUnits", prefix + "maximumUnits");
        if (settings.String("AutoScalingRoleArn") is { } role && role.Length is < 1 or > 1600)
            errors.Invalid(prefix + "autoScalingRoleArn", role, role.Length < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 1600");
        AutoScalingPolicyUpdate? policy = null;
        if (settings.Object("ScalingPolicyUpdate") is { } policyElement)
        {
            var p = new ApiRequest(policyElement);
            var policyName = p.String("PolicyName");
            if (policyName is { Length: < 1 or > 256 })
                errors.Invalid(prefix + "scalingPolicyUpdate.policyName", policyName, policyName.Length < 1 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 256");
            var configuration = errors.Required(p.Object("TargetTrackingScalingPolicyConfiguration"), prefix + "scalingPolicyUpdate.targetTrackingScalingPolicyConfiguration");
            if (configuration is { } c)
            {
                var target = new ApiRequest(c);
                var value = errors.Required(AutoScaling.AutoScalingOperations.Double(target, "TargetValue"), prefix + "scalingPolicyUpdate.targetTrackingScalingPolicyConfiguration.targetValue");
                if (value is { } targetValue)
                    policy = new AutoScalingPolicyUpdate(policyName, targetValue, target.Bool("DisableScaleIn"), target.Int("ScaleInCooldown"), target.Int("ScaleOutCooldown"));
            }
        }
        return new AutoScalingUpdate(min, max, settings.Bool("AutoScalingDisabled"), policy);
    }
}
