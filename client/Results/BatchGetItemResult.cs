using DataTier.Client.Requests;
using DataTier.Model;

namespace DataTier.Client.Results;

/// <summary>Items found, by table (absent keys are simply missing), and the keys left for another call.</summary>
public sealed record BatchGetItemResult(
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, AttrValue>>> Responses,
    IReadOnlyDictionary<string, KeysAndAttributes> UnprocessedKeys,
    IReadOnlyDictionary<string, double> CapacityUnits);
