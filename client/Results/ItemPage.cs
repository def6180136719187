using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>A Query or Scan page; <see cref="IndexName"/> names the index read, which the capacity units were spent on.</summary>
public sealed record ItemPage(
    IReadOnlyList<IReadOnlyDictionary<string, AttrValue>> Items,
    int Count,
    int ScannedCount,
    IReadOnlyDictionary<string, AttrValue>? LastEvaluatedKey,
    double CapacityUnits = 0,
    string? IndexName = null,
    bool GlobalIndex = false);
