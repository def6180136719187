using DataTier.Model;

namespace DataTier.Partitions;

/// <summary>Converts <see cref="VersionedItem"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class VersionedItemConverter : IConverter<VersionedItem, VersionedItemSurrogate>
{
    public VersionedItem ConvertFromSurrogate(in VersionedItemSurrogate surrogate) => new(surrogate.Version, ItemCodec.Decode(surrogate.Encoded));

    public VersionedItemSurrogate ConvertToSurrogate(in VersionedItem value) => new() { Version = value.Version, Encoded = ItemCodec.Encode(value.Attributes) };
}
