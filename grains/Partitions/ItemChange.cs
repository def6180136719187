using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>
/// One change of one item about to be stored: the item before and after, whether time to live made it
/// (a service deletion), and the version the item has after it (0 when removed).
/// </summary>
internal readonly record struct ItemChange(
    IReadOnlyDictionary<string, AttrValue>? Old, IReadOnlyDictionary<string, AttrValue>? New, bool ByService, long Version);
