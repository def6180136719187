using DataTier.Client.Requests;
using DataTier.Model;
using DataTier.Transactions;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// A write statement as the item operation it runs: a put of <see cref="Attributes"/> (INSERT, on the condition
/// that the key is free), or an update, delete or condition check of the item whose key they are.
/// </summary>
public sealed record WritePlan(
    WriteKind Kind,
    string Table,
    IReadOnlyDictionary<string, AttrValue> Attributes,
    string? UpdateExpression,
    string? ConditionExpression,
    IReadOnlyDictionary<string, string>? Names,
    IReadOnlyDictionary<string, AttrValue>? Values,
    ReturnValues ReturnValues)
{
    /// <summary>The key of the item written.</summary>
    public IReadOnlyDictionary<string, AttrValue> Key { get; init; } = Attributes;

    public TransactWriteItem ToTransactItem(bool returnOnFailure) => new()
    {
        Kind = Kind switch
        {
            WriteKind.Insert => TransactOperationKind.Put,
            WriteKind.Update => TransactOperationKind.Update,
            WriteKind.Delete => TransactOperationKind.Delete,
            _ => TransactOperationKind.ConditionCheck,
        },
        TableName = Table,
        Item = Kind == WriteKind.Insert ? Attributes : null,
        Key = Kind == WriteKind.Insert ? null : Attributes,
        UpdateExpression = UpdateExpression,
        ConditionExpression = ConditionExpression,
        ExpressionAttributeNames = Names,
        ExpressionAttributeValues = Values,
        ReturnValuesOnConditionCheckFailure = returnOnFailure,
    };
}
