namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// What AWS asks, in the region of a replica of a global table (version 2019.11.21), of the caller of UpdateTable whose
/// ReplicaUpdates create or delete it (DynamoDB's "Using IAM with global tables"). Every region names a table by the same
/// ARN here, so these are asked on the table's ARN, with UpdateTable itself.
/// </summary>
public static class ReplicaActions
{
    /// <summary>A replica is created, and then filled with the table's items.</summary>
    public static readonly IReadOnlyList<string> Create =
    [
        "dynamodb:CreateTable", "dynamodb:CreateTableReplica", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem",
        "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
    ];

    public static readonly IReadOnlyList<string> Delete = ["dynamodb:DeleteTable", "dynamodb:DeleteTableReplica"];
}
