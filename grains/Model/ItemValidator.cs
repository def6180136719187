using System.Text;
using DataTier.Errors;
using DataTier.Keys;
using DataTier.Tables;

namespace DataTier.Model;

/// <summary>DynamoDB's rules for items and keys, with its messages.</summary>
public static class ItemValidator
{
    public const int MaxPartitionKeyBytes = 2048;
    public const int MaxSortKeyBytes = 1024;

    /// <summary>Checks a whole item for PutItem (or the result of an UpdateItem): the key attributes, sets and the size limit.</summary>
    public static void ValidateItem(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> item, bool updated = false)
    {
        ValidateValues(item);
        ValidateKeysAndSize(schema, item, updated);
    }

    /// <summary>The rest of <see cref="ValidateItem"/>, for an item whose values <see cref="ValidateValue"/> has checked: its key attributes and size.</summary>
    public static void ValidateKeysAndSize(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> item, bool updated = false)
    {
        foreach (var key in KeyAttributes(schema)) ValidateKeyValue(key, Required(key, item), isPartitionKey: key == schema.PartitionKey);
        CheckSize(ItemSize.Of(item), updated);
    }

    /// <summary>Every value of an item or key (<see cref="ValidateValue"/>).</summary>
    public static void ValidateValues(IReadOnlyDictionary<string, AttrValue> item)
    {
        foreach (var value in item.Values) ValidateValue(value);
    }

    /// <summary>A PutItem's values and size, its key aside: what AWS checks before the conditions of a legacy Expected.</summary>
    public static void ValidateValuesAndSize(IReadOnlyDictionary<string, AttrValue> item)
    {
        ValidateValues(item);
        CheckSize(ItemSize.Of(item), updated: false);
    }

    private static void CheckSize(int size, bool updated)
    {
        if (size > ItemSize.MaxItemBytes)
            throw DynamoException.Validation(updated
                ? "Item size to update has exceeded the maximum allowed size"
                : "Item size has exceeded the maximum allowed size");
    }

    /// <summary>
    /// Checks the result of an UpdateItem, as <see cref="ValidateItem"/> with <c>updated</c> does, and returns
    /// its size, doing the work for the top-level attributes the actions touched only: the others are as
    /// they were in <paramref name="before"/>, which was checked when it was written (or is the request's
    /// key, checked by the client), and its <paramref name="beforeSize"/> is known.
    /// </summary>
    public static int ValidateUpdated(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> before, int beforeSize,
        IReadOnlyDictionary<string, AttrValue> updated, IReadOnlyList<Expressions.UpdateAction> actions)
    {
        var size = beforeSize;
        for (var i = 0; i < actions.Count; i++)
        {
            var name = actions[i].Path.TopLevelName;
            if (TouchedEarlier(actions, i, name)) continue;
            if (before.TryGetValue(name, out var old)) size -= ItemSize.OfAttribute(name, old);
            if (!updated.TryGetValue(name, out var value)) continue;
            ValidateValue(value);
            size += ItemSize.OfAttribute(name, value);
        }
        Required(schema.PartitionKey, updated);
        if (schema.SortKey is not null) Required(schema.SortKey, updated);
        CheckSize(size, updated: true);
        return size;
    }

    private static AttrValue Required(KeyAttribute key, IReadOnlyDictionary<string, AttrValue> item) =>
        item.TryGetValue(key.Name, out var value) ? value
            : throw DynamoException.Validation($"One or more parameter values were invalid: Missing the key {key.Name} in the item");

    private static bool TouchedEarlier(IReadOnlyList<Expressions.UpdateAction> actions, int index, string name)
    {
        for (var j = 0; j < index; j++)
            if (actions[j].Path.TopLevelName == name) return true;
        return false;
    }

    /// <summary>Checks a Key parameter (<see cref="ValidateKey"/>) and returns the item key it names.</summary>
    public static Store.ItemKey ValidatedKeyOf(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> key)
    {
        ValidateKey(schema, key);
        return ItemKeyOf(schema, key);
    }

    /// <summary>Checks a Key parameter (GetItem, DeleteItem): exactly the key attributes, of the right types.</summary>
    public static void ValidateKey(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> key)
    {
        // Every GetItem passes here: plain lookups, no lists or closures.
        var sortKey = schema.SortKey;
        if (key.Count != (sortKey is null ? 1 : 2)
            || !key.TryGetValue(schema.PartitionKey.Name, out var partitionValue) || partitionValue.Type != schema.PartitionKey.Type)
            throw DynamoException.Validation("The provided key element does not match the schema");
        AttrValue? sortValue = null;
        if (sortKey is not null && (!key.TryGetValue(sortKey.Name, out sortValue) || sortValue.Type != sortKey.Type))
            throw DynamoException.Validation("The provided key element does not match the schema");
        ValidateKeyValue(schema.PartitionKey, partitionValue, isPartitionKey: true);
        if (sortKey is not null) ValidateKeyValue(sortKey, sortValue!, isPartitionKey: false);
    }

    public static void ValidateKeyValue(KeyAttribute key, AttrValue value, bool isPartitionKey)
    {
        if (value.Type != key.Type)
            throw DynamoException.Validation($"One or more parameter values were invalid: Type mismatch for key {key.Name} expected: {key.Type} actual: {value.Type}");
        var empty = value.Type switch
        {
            AttrType.S => value.Text!.Length == 0,
            AttrType.B => value.Bytes!.Length == 0,
            _ => false,
        };
        if (empty)
            throw DynamoException.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttrType.S ? "string" : "binary")} value. Key: {key.Name}");
        var size = value.Type == AttrType.S ? Encoding.UTF8.GetByteCount(value.Text!) : value.Type == AttrType.B ? value.Bytes!.Length : 0;
        if (isPartitionKey && size > MaxPartitionKeyBytes)
            throw DynamoException.Validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        if (!isPartitionKey && size > MaxSortKeyBytes)
            throw DynamoException.Validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    /// <summary>Sets must be non-empty and free of duplicates; nested values are checked too.</summary>
    public static void ValidateValue(AttrValue value)
    {
        switch (value.Type)
        {
            case AttrType.SS:
            case AttrType.NS:
            case AttrType.BS:
                var count = value.Type == AttrType.BS ? value.BytesSet!.Count : value.TextSet!.Count;
                // AWS's texts differ by set type, spacing included
                if (count == 0)
                    throw DynamoException.Validation(value.Type == AttrType.BS
                        ? "One or more parameter values were invalid: Binary sets should not be empty"
                        : $"One or more parameter values were invalid: An {SetName(value.Type)} set  may not be empty");
                if (HasDuplicates(value))
                    throw DynamoException.Validation(value.Type switch
                    {
                        AttrType.NS => "Input collection contains duplicates",
                        AttrType.BS => $"One or more parameter values were invalid: Input collection {Describe(value)}of type BS contains duplicates.",
                        _ => $"One or more parameter values were invalid: Input collection {Describe(value)} contains duplicates.",
                    });
                break;
            case AttrType.L:
                foreach (var e in value.List!) ValidateValue(e);
                break;
            case AttrType.M:
                foreach (var e in value.Map!.Values) ValidateValue(e);
                break;
        }
    }

    public static IEnumerable<KeyAttribute> KeyAttributes(TableKeySchema schema)
    {
        yield return schema.PartitionKey;
        if (schema.SortKey is not null) yield return schema.SortKey;
    }

    private static string SetName(AttrType type) => type switch
    {
        AttrType.SS => "string",
        AttrType.NS => "number",
        _ => "binary",
    };

    private static bool HasDuplicates(AttrValue set) => set.Type switch
    {
        AttrType.SS => set.TextSet!.Distinct(StringComparer.Ordinal).Count() != set.TextSet!.Count,
        AttrType.NS => set.TextSet!.Select(DynamoNumber.Parse).Distinct().Count() != set.TextSet!.Count,
        _ => set.BytesSet!.Select(Convert.ToBase64String).Distinct().Count() != set.BytesSet!.Count,
    };

    private static string Describe(AttrValue set) => set.Type == AttrType.BS
        ? $"[{string.Join(", ", set.BytesSet!.Select(Convert.ToBase64String))}]"
        : $"[{string.Join(", ", set.TextSet!)}]";

    /// <summary>The store key of an item or key map under a table's schema.</summary>
    public static Store.ItemKey ItemKeyOf(TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> item)
    {
        var pk = KeyBytes.Of(item[schema.PartitionKey.Name]);
        var sk = schema.SortKey is null ? [] : KeyBytes.Of(item[schema.SortKey.Name]);
        return new Store.ItemKey(KeyHash.Compute(pk), pk, sk);
    }

    /// <summary>The key attributes of the item at an encoded position.</summary>
    public static Dictionary<string, AttrValue> KeyOfPosition(TableKeySchema schema, ReadOnlySpan<byte> position)
    {
        var key = Store.ItemKey.Decode(position);
        var result = new Dictionary<string, AttrValue> { [schema.PartitionKey.Name] = KeyBytes.ToValue(schema.PartitionKey.Type, key.PartitionKey) };
        if (schema.SortKey is not null) result[schema.SortKey.Name] = KeyBytes.ToValue(schema.SortKey.Type, key.SortKey);
        return result;
    }
}
