using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>A Query or Scan page.</summary>
public sealed record ItemPage(
    IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> Items,
    int Count,
    int ScannedCount,
    IReadOnlyDictionary<string, AttrValue>? LastEvaluatedKey,
    double CapacityUnits = 0);
