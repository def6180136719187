using DataTier.Errors;

namespace DataTier.AutoScaling;

/// <summary>Application Auto Scaling's names for DynamoDB: resource ids <c>table/NAME</c> and dimensions <c>dynamodb:table:ReadCapacityUnits</c>.</summary>
public static class ScalingNames
{
    public const string Namespace = "dynamodb";
    private const string TablePrefix = "table/";
    private const string DimensionPrefix = "dynamodb:table:";

    public static string ResourceId(string table) => TablePrefix + table;

    public static string Dimension(CapacityDimension dimension) => DimensionPrefix + dimension;

    /// <summary>The table of a resource id; null for anything else (an index's id among them).</summary>
    public static string? TableOf(string resourceId) =>
        resourceId.StartsWith(TablePrefix, StringComparison.Ordinal) && resourceId.IndexOf('/', TablePrefix.Length) < 0 && resourceId.Length > TablePrefix.Length
            ? resourceId[TablePrefix.Length..]
            : null;

    public static CapacityDimension? DimensionOf(string dimension) => dimension switch
    {
        DimensionPrefix + nameof(CapacityDimension.ReadCapacityUnits) => CapacityDimension.ReadCapacityUnits,
        DimensionPrefix + nameof(CapacityDimension.WriteCapacityUnits) => CapacityDimension.WriteCapacityUnits,
        _ => null,
    };

    /// <summary>The predefined metric a target-tracking policy of the dimension follows.</summary>
    public static string MetricOf(CapacityDimension dimension) =>
        dimension == CapacityDimension.ReadCapacityUnits ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";

    public static DynamoException TargetNotFound(string table, CapacityDimension dimension) =>
        new(DynamoErrorCode.ObjectNotFoundException,
            $"No scalable target registered for service namespace: {Namespace}, resource ID: {ResourceId(table)}, scalable dimension: {Dimension(dimension)}");

    public static DynamoException PolicyNotFound(string table, CapacityDimension dimension, string policy) =>
        new(DynamoErrorCode.ObjectNotFoundException,
            $"No scaling policy found for service namespace: {Namespace}, resource ID: {ResourceId(table)}, scalable dimension: {Dimension(dimension)}, policy name: {policy}");
}
