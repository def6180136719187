using DataTier.Model;

namespace DataTier.Client.Requests;

/// <summary>One write of a BatchWriteItem: a put of <see cref="Item"/> or a delete of <see cref="Key"/>.</summary>
public sealed record BatchWrite(IReadOnlyDictionary<string, AttrValue>? Item, IReadOnlyDictionary<string, AttrValue>? Key)
{
    public static BatchWrite Put(IReadOnlyDictionary<string, AttrValue> item) => new(item, null);
    public static BatchWrite Delete(IReadOnlyDictionary<string, AttrValue> key) => new(null, key);
}
