using DataTier.Model;

namespace DataTier.Client.Requests;

/// <summary>The keys BatchGetItem reads from one table, and how.</summary>
public sealed record KeysAndAttributes
{
    public required IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> Keys { get; init; }
    public string? ProjectionExpression { get; init; }
    public IReadOnlyDictionary<string, string>? ExpressionAttributeNames { get; init; }
    public bool ConsistentRead { get; init; }
}
