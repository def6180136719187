using DataTier.Model;

namespace DataTier.Transactions;

/// <summary>Why one action of a cancelled transaction failed, as DynamoDB reports it in CancellationReasons.</summary>
[GenerateSerializer, Immutable]
public sealed record CancellationReason(
    [property: Id(0)] string Code,
    [property: Id(1)] string? Message = null,
    [property: Id(2)] IReadOnlyDictionary<string, AttrValue>? Item = null)
{
    public static readonly CancellationReason None = new("None");

    public static readonly CancellationReason Conflict = new("TransactionConflict", "Transaction is ongoing for the item");

    public static CancellationReason ConditionFailed(IReadOnlyDictionary<string, AttrValue>? item) =>
        new("ConditionalCheckFailed", "The conditional request failed", item);

    public static CancellationReason Validation(string message) => new("ValidationError", message);

    /// <summary>The write would grow its item collection (a partition key's items and local index entries) past the 10 GB limit.</summary>
    public static readonly CancellationReason ItemCollectionSizeLimitExceeded = new("ItemCollectionSizeLimitExceeded", "Collection size exceeded.");
}
