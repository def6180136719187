namespace DataTier.Partitions;

/// <summary>What counts an item's memory: told once, with the item, when the item's kept wire encoding is made.</summary>
internal interface IEncodingHolder
{
    void Kept(VersionedItem item, int bytes);
}
