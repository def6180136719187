using System.Text.Json;
using DataTier.AutoScaling;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Silo.DynamoDb;

namespace DataTier.Silo.AutoScaling;

/// <summary>
/// Application Auto Scaling's API for DynamoDB (<c>AnyScaleFrontendService.*</c> on the DynamoDB endpoint, so
/// <c>aws application-autoscaling --endpoint-url</c> works): scalable targets on the read or write capacity
/// units of a table or global secondary index, target-tracking policies on them, and the activities they caused.
/// </summary>
public sealed class AutoScalingOperations(IGrainFactory grains)
{
    public const string TargetPrefix = "AnyScaleFrontendService.";
    /// <summary>The role auto scaling acts as, as DynamoDB reports it (AutoScalingRoleArn, RoleARN).</summary>
    public const string RoleArn = "arn:aws:iam::000000000000:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async Task RegisterScalableTarget(ApiRequest r, Utf8JsonWriter w)
    {
        var (resource, dimension) = Target(r);
        var min = r.Long("MinCapacity");
        var max = r.Long("MaxCapacity");
        r.ThrowIfInvalid();
        await Catalog.RegisterScalableTarget(resource, dimension, min, max);
        w.WriteStartObject();
        w.WriteString("ScalableTargetARN", TargetArn(resource, dimension));
        w.WriteEndObject();
    }

    public async Task DeregisterScalableTarget(ApiRequest r, Utf8JsonWriter w)
    {
        var (resource, dimension) = Target(r);
        r.ThrowIfInvalid();
        await Catalog.DeregisterScalableTarget(resource, dimension);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    public async Task DescribeScalableTargets(ApiRequest r, Utf8JsonWriter w)
    {
        var filter = Filter(r);
        var targets = (await Catalog.ScalableTargets()).Where(t => filter(t.Resource, t.Target.Dimension));
        w.WriteStartObject();
        w.WriteStartArray("ScalableTargets");
        foreach (var (resource, target) in targets)
        {
            w.WriteStartObject();
            WriteTarget(w, resource, target.Dimension);
            w.WriteNumber("MinCapacity", target.MinCapacity);
            w.WriteNumber("MaxCapacity", target.MaxCapacity);
            w.WriteString("RoleARN", RoleArn);
            w.WriteEpochSeconds("CreationTime", target.CreationTime);
            w.WriteStartObject("SuspendedState");
            w.WriteBoolean("DynamicScalingInSuspended", false);
            w.WriteBoolean("DynamicScalingOutSuspended", false);
            w.WriteBoolean("ScheduledScalingSuspended", false);
            w.WriteEndObject();
            w.WriteString("ScalableTargetARN", TargetArn(resource, target.Dimension));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public async Task PutScalingPolicy(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("PolicyName"), "policyName");
        var (resource, dimension) = Target(r);
        var type = r.String("PolicyType") ?? "StepScaling";
        var configuration = r.Object("TargetTrackingScalingPolicyConfiguration");
        r.ThrowIfInvalid();
        if (type != "TargetTrackingScaling")
            throw DynamoException.Validation($"Only TargetTrackingScaling policies are supported for DynamoDB here, not {type}");
        if (configuration is null)
            throw DynamoException.Validation("TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy");
        var c = new ApiRequest(configuration.Value);
        var targetValue = c.Required(Double(c, "TargetValue"), "targetTrackingScalingPolicyConfiguration.targetValue");
        var metric = c.Object("PredefinedMetricSpecification");
        c.ThrowIfInvalid();
        var expected = ScalingNames.MetricOf(dimension);
        var metricType = metric is { } m ? new ApiRequest(m).String("PredefinedMetricType") : null;
        if (metricType != expected)
            throw DynamoException.Validation($"The predefined metric type for {ScalingNames.Dimension(resource, dimension)} must be {expected}");
        if (targetValue is not (> 0 and <= 100))
            throw DynamoException.Validation("The target value must be greater than 0 and at most 100 percent");
        var policy = new ScalingPolicy(name!, targetValue.Value, Seconds(c, "ScaleOutCooldown"), Seconds(c, "ScaleInCooldown"),
            c.Bool("DisableScaleIn") ?? false, DateTimeOffset.UtcNow);
        await Catalog.PutScalingPolicy(resource, dimension, policy);
        w.WriteStartObject();
        w.WriteString("PolicyARN", PolicyArn(resource, name!));
        w.WriteStartArray("Alarms");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public async Task DescribeScalingPolicies(ApiRequest r, Utf8JsonWriter w)
    {
        var filter = Filter(r);
        var names = r.Array("PolicyNames") is { } list ? list.EnumerateArray().Select(ApiRequest.AsString).ToHashSet(StringComparer.Ordinal) : null;
        var targets = (await Catalog.ScalableTargets())
            .Where(t => t.Target.Policy is { } p && filter(t.Resource, t.Target.Dimension) && (names is null || names.Contains(p.Name)));
        w.WriteStartObject();
        w.WriteStartArray("ScalingPolicies");
        foreach (var (resource, target) in targets)
        {
            var policy = target.Policy!;
            w.WriteStartObject();
            w.WriteString("PolicyARN", PolicyArn(resource, policy.Name));
            w.WriteString("PolicyName", policy.Name);
            WriteTarget(w, resource, target.Dimension);
            w.WriteString("PolicyType", "TargetTrackingScaling");
            w.WriteStartObject("TargetTrackingScalingPolicyConfiguration");
            w.WriteNumber("TargetValue", policy.TargetValue);
            w.WriteStartObject("PredefinedMetricSpecification");
            w.WriteString("PredefinedMetricType", ScalingNames.MetricOf(target.Dimension));
            w.WriteEndObject();
            w.WriteNumber("ScaleOutCooldown", policy.ScaleOutCooldown);
            w.WriteNumber("ScaleInCooldown", policy.ScaleInCooldown);
            w.WriteBoolean("DisableScaleIn", policy.DisableScaleIn);
            w.WriteEndObject();
            w.WriteStartArray("Alarms");
            w.WriteEndArray();
            w.WriteEpochSeconds("CreationTime", policy.CreationTime);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public async Task DeleteScalingPolicy(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("PolicyName"), "policyName");
        var (resource, dimension) = Target(r);
        r.ThrowIfInvalid();
        await Catalog.DeleteScalingPolicy(resource, dimension, name!);
        w.WriteStartObject();
        w.WriteEndObject();
    }

    public async Task DescribeScalingActivities(ApiRequest r, Utf8JsonWriter w)
    {
        var filter = Filter(r);
        var activities = (await Catalog.ScalingActivities()).Where(a => filter(a.Resource, a.Dimension));
        w.WriteStartObject();
        w.WriteStartArray("ScalingActivities");
        foreach (var a in activities)
        {
            w.WriteStartObject();
            w.WriteString("ActivityId", a.ActivityId);
            WriteTarget(w, a.Resource, a.Dimension);
            w.WriteString("Description", a.Description);
            w.WriteString("Cause", a.Cause);
            w.WriteEpochSeconds("StartTime", a.StartTime);
            w.WriteEpochSeconds("EndTime", a.StartTime);
            w.WriteString("StatusCode", a.Successful ? "Successful" : "Failed");
            if (a.StatusMessage is not null) w.WriteString("StatusMessage", a.StatusMessage);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The resource and dimension a request names, checked: DynamoDB's namespace, a table's or index's resource id, a dimension of that kind.</summary>
    private static (ScalableResource Resource, CapacityDimension Dimension) Target(ApiRequest r)
    {
        var space = r.Required(r.String("ServiceNamespace"), "serviceNamespace");
        var resourceId = r.Required(r.String("ResourceId"), "resourceId");
        var dimensionName = r.Required(r.String("ScalableDimension"), "scalableDimension");
        r.ThrowIfInvalid();
        CheckNamespace(space!);
        var resource = ScalableResource.Parse(resourceId!) ?? throw DynamoException.Validation(
            $"Unsupported resource ID for DynamoDB: {resourceId}. Expected table/TABLE_NAME or table/TABLE_NAME/index/INDEX_NAME");
        var (dimension, index) = ScalingNames.DimensionOf(dimensionName!) ?? throw DynamoException.Validation(
            $"Unsupported scalable dimension: {dimensionName}. Supported: dynamodb:table:ReadCapacityUnits, dynamodb:table:WriteCapacityUnits, dynamodb:index:ReadCapacityUnits, dynamodb:index:WriteCapacityUnits");
        if (index != resource.Index is not null)
            throw DynamoException.Validation($"Scalable dimension {dimensionName} does not apply to resource ID {resourceId}");
        return (resource, dimension);
    }

    /// <summary>The filter of a Describe request: its namespace, and the resource ids and dimension it names, if any.</summary>
    private static Func<ScalableResource, CapacityDimension, bool> Filter(ApiRequest r)
    {
        var space = r.Required(r.String("ServiceNamespace"), "serviceNamespace");
        var resourceIds = r.Array("ResourceIds") is { } ids ? ids.EnumerateArray().Select(ApiRequest.AsString).ToHashSet(StringComparer.Ordinal)
            : r.String("ResourceId") is { } one ? [one] : null;
        var dimensionName = r.String("ScalableDimension");
        r.ThrowIfInvalid();
        CheckNamespace(space!);
        (CapacityDimension Dimension, bool Index)? dimension = dimensionName is null ? null
            : ScalingNames.DimensionOf(dimensionName) ?? throw DynamoException.Validation($"Unsupported scalable dimension: {dimensionName}");
        return (resource, d) => (resourceIds is null || resourceIds.Contains(resource.ResourceId))
            && (dimension is not { } wanted || (wanted.Dimension == d && wanted.Index == resource.Index is not null));
    }

    private static void CheckNamespace(string space)
    {
        if (space != ScalingNames.Namespace)
            throw DynamoException.Validation($"Unsupported service namespace: {space}. Only {ScalingNames.Namespace} is served here");
    }

    private static void WriteTarget(Utf8JsonWriter w, ScalableResource resource, CapacityDimension dimension)
    {
        w.WriteString("ServiceNamespace", ScalingNames.Namespace);
        w.WriteString("ResourceId", resource.ResourceId);
        w.WriteString("ScalableDimension", ScalingNames.Dimension(resource, dimension));
    }

    internal static double? Double(ApiRequest r, string name) =>
        r.Member(name) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;

    private static int Seconds(ApiRequest r, string name) => r.Int(name) is { } seconds ? Math.Max(0, seconds) : DefaultCooldownSeconds;

    /// <summary>The cooldown a policy gets when it names none.</summary>
    internal const int DefaultCooldownSeconds = 60;

    private static string TargetArn(ScalableResource resource, CapacityDimension dimension) =>
        $"arn:aws:application-autoscaling:local:000000000000:scalable-target/{ScalingNames.Namespace}/{resource.ResourceId}/{dimension}";

    private static string PolicyArn(ScalableResource resource, string policy) =>
        $"arn:aws:autoscaling:local:000000000000:scalingPolicy:resource/{ScalingNames.Namespace}/{resource.ResourceId}:policyName/{policy}";
}
