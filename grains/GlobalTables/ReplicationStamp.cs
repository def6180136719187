using DataTier.Model;

namespace DataTier.GlobalTables;

/// <summary>
/// When and where an item was last written, for last-writer-wins between regions: the write with the later
/// <see cref="Time"/> (epoch milliseconds) wins, the region's name breaking ties. A deletion leaves its stamp as a
/// tombstone, so an older write arriving late cannot bring the item back.
/// </summary>
public readonly record struct ReplicationStamp(long Time, string Region, bool Deleted)
{
    public bool IsNewerThan(ReplicationStamp other) =>
        Time != other.Time ? Time > other.Time : string.CompareOrdinal(Region, other.Region) > 0;

    public Dictionary<string, AttrValue> ToAttributes() => new(StringComparer.Ordinal)
    {
        ["t"] = AttrValue.FromN(Time),
        ["r"] = AttrValue.FromS(Region),
        ["d"] = Deleted ? AttrValue.True : AttrValue.False,
    };

    public static ReplicationStamp From(IReadOnlyDictionary<string, AttrValue> attributes) =>
        new(long.Parse(attributes["t"].Text!, System.Globalization.CultureInfo.InvariantCulture), attributes["r"].Text!, attributes["d"].Bool);
}
