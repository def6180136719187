using DataTier.AwsDynamoDb;

namespace DataTier.Membership;

/// <summary>
/// Settings of the DynamoDB membership table (section <c>Clustering:DynamoDb</c>): one item per
/// cluster in the table <c>{TablePrefix}membership</c>.
/// </summary>
public sealed class DynamoDbClusteringOptions : DynamoDbConnectionOptions
{
    public string TableName => TablePrefix + "membership";
}
