using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Streams;

/// <summary>
/// One change of one item as its partition's change log holds it: INSERT, MODIFY or REMOVE, with
/// the images the stream's view type names. <see cref="ByService"/> marks a deletion by time to live.
/// <see cref="ItemVersion"/>, the item's version after the change, is kept only in the internal log
/// that read replicas follow; user streams leave it out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamRecord(
    [property: Id(0)] string EventName,
    [property: Id(1)] long SequenceNumber,
    [property: Id(2)] long CreatedMs,
    [property: Id(3)] IReadOnlyDictionary<string, AttrValue> Keys,
    [property: Id(4)] IReadOnlyDictionary<string, AttrValue>? NewImage,
    [property: Id(5)] IReadOnlyDictionary<string, AttrValue>? OldImage,
    [property: Id(6)] int SizeBytes,
    [property: Id(7)] StreamViewType ViewType,
    [property: Id(8)] bool ByService,
    [property: Id(9)] long? ItemVersion = null)
{
    /// <summary>
    /// The record of a write from <paramref name="old"/> to <paramref name="updated"/>, or null when the
    /// write changed nothing (DynamoDB writes no record for a put or update that leaves the item as it
    /// was, nor for a delete of an absent item). <paramref name="keepUnchanged"/> keeps the MODIFY of an
    /// unchanged item, whose version still moved on.
    /// </summary>
    public static StreamRecord? For(TableKeySchema schema, StreamViewType view, IReadOnlyDictionary<string, AttrValue>? old,
        IReadOnlyDictionary<string, AttrValue>? updated, long sequence, long nowMs, bool byService = false, bool keepUnchanged = false)
    {
        if (old is null && updated is null) return null;
        if (!keepUnchanged && old is not null && updated is not null && SameItem(old, updated)) return null;
        var any = (updated ?? old)!;
        var keys = ItemValidator.KeyAttributes(schema).ToDictionary(k => k.Name, k => any[k.Name], StringComparer.Ordinal);
        var newImage = view is StreamViewType.NEW_IMAGE or StreamViewType.NEW_AND_OLD_IMAGES ? updated : null;
        var oldImage = view is StreamViewType.OLD_IMAGE or StreamViewType.NEW_AND_OLD_IMAGES ? old : null;
        var size = ItemSize.Of(keys) + (newImage is null ? 0 : ItemSize.Of(newImage)) + (oldImage is null ? 0 : ItemSize.Of(oldImage));
        var name = old is null ? "INSERT" : updated is null ? "REMOVE" : "MODIFY";
        return new StreamRecord(name, sequence, nowMs, keys, newImage, oldImage, size, view, byService);
    }

    private static bool SameItem(IReadOnlyDictionary<string, AttrValue> a, IReadOnlyDictionary<string, AttrValue> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (name, value) in a)
            if (!b.TryGetValue(name, out var other) || !value.Equals(other)) return false;
        return true;
    }
}
