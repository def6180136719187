using DataTier.Cache.Keyspace;
using DataTier.Cache.Values;

namespace DataTier.Cache.Commands;

/// <summary>
/// Intersection, union and difference of the values at several keys, as Redis 7.0 makes them: every key's type is
/// checked first (WRONGTYPE even when another key is absent), then an absent key counts as an empty set. Used on one
/// shard when the keys share it, and by the RESP session over exported values when they do not.
/// </summary>
public static class SetAlgebra
{
    /// <param name="values">Each key's value in order; null for an absent key.</param>
    public static CacheReply? Combine(SetOperation operation, IReadOnlyList<object?> values, out List<byte[]> result)
    {
        result = [];
        var sets = new List<SetValue?>(values.Count);
        foreach (var value in values)
        {
            if (value is not (null or SetValue)) return CacheErrors.WrongType;
            sets.Add((SetValue?)value);
        }
        switch (operation)
        {
            case SetOperation.Inter when sets.Contains(null):
                break;
            case SetOperation.Inter:
                var smallest = sets.MinBy(s => s!.Count)!;
                result = smallest.Members.Where(m => sets.All(s => ReferenceEquals(s, smallest) || s!.Contains(m))).ToList();
                break;
            case SetOperation.Union:
                var union = new HashSet<byte[]>(ByteArrayComparer.Instance);
                foreach (var set in sets)
                    if (set is not null) union.UnionWith(set.Members);
                result = [.. union];
                break;
            default:
                if (sets[0] is { } first)
                    result = first.Members.Where(m => !sets.Skip(1).Any(s => s is not null && s.Contains(m))).ToList();
                break;
        }
        return null;
    }
}
