namespace DataTier.Partitions;

/// <summary>The wire form of a <see cref="VersionedItem"/>: its version and its attributes in <see cref="Model.ItemCodec"/>'s encoding.</summary>
[GenerateSerializer, Immutable]
public struct VersionedItemSurrogate
{
    [Id(0)] public long Version;

    [Id(1)] public byte[] Encoded;
}
