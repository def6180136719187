using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Indexes;

/// <summary>An item's values of index key attributes must have the types the attribute definitions give, and not be empty.</summary>
public static class IndexKeyValidator
{
    public static void Validate(TableDescription table, IReadOnlyDictionary<string, AttrValue> item)
    {
        foreach (var index in table.LocalIndexes) Check(index.Name, index.KeySchema, item);
        foreach (var index in table.GlobalIndexes) Check(index.Name, index.KeySchema, item);
    }

    private static void Check(string index, TableKeySchema schema, IReadOnlyDictionary<string, AttrValue> item)
    {
        foreach (var key in ItemValidator.KeyAttributes(schema))
        {
            if (!item.TryGetValue(key.Name, out var value)) continue;
            if (value.Type != key.Type)
                throw DynamoException.Validation($"One or more parameter values were invalid: Type mismatch for Index Key {key.Name} Expected: {key.Type} Actual: {value.Type} IndexName: {index}");
            if ((value.Type == AttrType.S && value.Text!.Length == 0) || (value.Type == AttrType.B && value.Bytes!.Length == 0))
                throw DynamoException.Validation($"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttrType.S ? "string" : "binary")} value. IndexName: {index}, IndexKey: {key.Name}");
        }
    }
}
