using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>One page of a SELECT: its items as projected, the read units spent, where it stopped and the token to go on.</summary>
public sealed record SelectPage(
    IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> Items,
    double CapacityUnits,
    IReadOnlyDictionary<string, AttrValue>? LastEvaluatedKey,
    string? NextToken);
