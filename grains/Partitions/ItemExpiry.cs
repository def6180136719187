using System.Globalization;
using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// Time to live as readers see it: an item whose TTL attribute (epoch seconds, a number) lies in the
/// past is absent, unless it lies more than five years in the past, which DynamoDB ignores.
/// </summary>
public static class ItemExpiry
{
    private const long FiveYearsSeconds = 5L * 365 * 24 * 3600;

    public static bool IsExpired(string? ttlAttribute, IReadOnlyDictionary<string, AttrValue>? item, long nowSeconds)
    {
        if (item is null || ttlAttribute is null || !item.TryGetValue(ttlAttribute, out var value) || value.Type != AttrType.N) return false;
        if (!decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return false;
        return seconds < nowSeconds && seconds > nowSeconds - FiveYearsSeconds;
    }
}
