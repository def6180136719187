using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Indexes;

/// <summary>An item's values of index key attributes must have the types the attribute definitions give, and not be empty.</summary>
public static class IndexKeyValidator
{
    /// <summary>
    /// <paramref name="updated"/>: the item an update expression made. Its actions were checked for types known from
    /// the expression alone, so a wrong type here came from the item (SET ls = other), which DynamoDB words otherwise.
    /// </summary>
    public static void Validate(TableDescription table, IReadOnlyDictionary<string, AttrValue> item, bool updated = false)
    {
        foreach (var index in table.LocalIndexes) Check(index.Name, index.KeySchema, item, updated);
        foreach (var index in table.GlobalIndexes) Check(index.Name, index.KeySchema, item, updated);
    }

    private static void Check(string index, TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> item, bool updated)
    {
        foreach (var key in ItemValidator.KeyAttributes(schema))
        {
            if (!item.TryGetValue(key.Name, out var value)) continue;
            if (value.Type != key.Type && updated)
                throw DynamoException.Validation("The update expression attempted to update the secondary index key to unsupported type");
            if (value.Type != key.Type)
                throw DynamoException.Validation($"One or more parameter values were invalid: Type mismatch for Index Key {key.Name} Expected: {key.Type} Actual: {value.Type} IndexName: {index}");
            if ((value.Type == AttrType.S && value.Text!.Length == 0) || (value.Type == AttrType.B && value.Bytes!.Length == 0))
                throw DynamoException.Validation($"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttrType.S ? "string" : "binary")} value. IndexName: {index}, IndexKey: {key.Name}");
        }
    }
}
