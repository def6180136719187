using DataTier.Model;
using DataTier.Transactions;

namespace DataTier.Client.Requests;

/// <summary>One action of TransactWriteItems: Put (with <see cref="Item"/>), Update, Delete or ConditionCheck (with <see cref="Key"/>).</summary>
public sealed record TransactWriteItem
{
    public required TransactOperationKind Kind { get; init; }
    public required string TableName { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? Item { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? Key { get; init; }
    public string? UpdateExpression { get; init; }
    public string? ConditionExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    public IReadOnlyDictionary<string, AttrValue>? ExpressionAttributeValues { get; init; }
    public bool ReturnValuesOnConditionCheckFailure { get; init; }

    public static TransactWriteItem Put(string table, IReadOnlyDictionary<string, AttrValue> item, string? condition = null,
        IReadOnlyDictionary<string, string>? names = null, IReadOnlyDictionary<string, AttrValue>? values = null) =>
        new() { Kind = TransactOperationKind.Put, TableName = table, Item = item, ConditionExpression = condition, ExpressionAttributeNames = names, ExpressionAttributeValues = values };

    public static TransactWriteItem Update(string table, IReadOnlyDictionary<string, AttrValue> key, string update, string? condition = null,
        IReadOnlyDictionary<string, string>? names = null, IReadOnlyDictionary<string, AttrValue>? values = null) =>
        new() { Kind = TransactOperationKind.Update, TableName = table, Key = key, UpdateExpression = update, ConditionExpression = condition, ExpressionAttributeNames = names, ExpressionAttributeValues = values };

    public static TransactWriteItem Delete(string table, IReadOnlyDictionary<string, AttrValue> key, string? condition = null,
        IReadOnlyDictionary<string, string>? names = null, IReadOnlyDictionary<string, AttrValue>? values = null) =>
        new() { Kind = TransactOperationKind.Delete, TableName = table, Key = key, ConditionExpression = condition, ExpressionAttributeNames = names, ExpressionAttributeValues = values };

    public static TransactWriteItem ConditionCheck(string table, IReadOnlyDictionary<string, AttrValue> key, string condition,
        IReadOnlyDictionary<string, string>? names = null, IReadOnlyDictionary<string, AttrValue>? values = null) =>
        new() { Kind = TransactOperationKind.ConditionCheck, TableName = table, Key = key, ConditionExpression = condition, ExpressionAttributeNames = names, ExpressionAttributeValues = values };
}
