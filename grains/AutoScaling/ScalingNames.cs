using DataTier.Errors;

namespace DataTier.AutoScaling;

/// <summary>
/// Application Auto Scaling's names for DynamoDB: dimensions <c>dynamodb:table:ReadCapacityUnits</c> of tables and
/// <c>dynamodb:index:ReadCapacityUnits</c> of global secondary indexes (and their WriteCapacityUnits).
/// </summary>
public static class ScalingNames
{
    public const string Namespace = "dynamodb";
    private const string TableDimensionPrefix = "dynamodb:table:";
    private const string IndexDimensionPrefix = "dynamodb:index:";

    public static string Dimension(CapacityDimension dimension, bool index) => (index ? IndexDimensionPrefix : TableDimensionPrefix) + dimension;

    public static string Dimension(ScalableResource resource, CapacityDimension dimension) => Dimension(dimension, resource.Index is not null);

    /// <summary>The dimension a name stands for, and whether it is an index's; null for a name DynamoDB does not have.</summary>
    public static (CapacityDimension Dimension, bool Index)? DimensionOf(string name)
    {
        foreach (var index in (bool[])[false, true])
            foreach (var dimension in Enum.GetValues<CapacityDimension>())
                if (name == Dimension(dimension, index)) return (dimension, index);
        return null;
    }

    /// <summary>The predefined metric a target-tracking policy of the dimension follows (the same for tables and indexes).</summary>
    public static string MetricOf(CapacityDimension dimension) =>
        dimension == CapacityDimension.ReadCapacityUnits ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";

    public static DynamoException TargetNotFound(ScalableResource resource, CapacityDimension dimension) =>
        new(DynamoErrorCode.ObjectNotFoundException,
            $"No scalable target registered for service namespace: {Namespace}, resource ID: {resource.ResourceId}, scalable dimension: {Dimension(resource, dimension)}");

    public static DynamoException PolicyNotFound(ScalableResource resource, CapacityDimension dimension, string policy) =>
        new(DynamoErrorCode.ObjectNotFoundException,
            $"No scaling policy found for service namespace: {Namespace}, resource ID: {resource.ResourceId}, scalable dimension: {Dimension(resource, dimension)}, policy name: {policy}");
}
