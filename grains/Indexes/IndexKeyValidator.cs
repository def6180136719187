using System.Runtime.CompilerServices;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Indexes;

/// <summary>An item's values of index key attributes must have the types the attribute definitions give, and not be empty.</summary>
public static class IndexKeyValidator
{
    public const string UnsupportedUpdateType = "The update expression attempted to update the secondary index key to unsupported type";

    private static readonly ConditionalWeakTable<TableDescription, IReadOnlyDictionary<string, AttrType>> KeyTypesOfTables = new();

    /// <summary>The type of each attribute some index of the table is keyed on (empty without indexes), computed once per description.</summary>
    public static IReadOnlyDictionary<string, AttrType> KeyTypes(TableDescription table) =>
        table.LocalIndexes.Count == 0 && table.GlobalIndexes.Count == 0 ? EmptyKeyTypes : KeyTypesOfTables.GetValue(table, CollectKeyTypes);

    private static readonly IReadOnlyDictionary<string, AttrType> EmptyKeyTypes = new Dictionary<string, AttrType>();

    private static IReadOnlyDictionary<string, AttrType> CollectKeyTypes(TableDescription table)
    {
        var types = new Dictionary<string, AttrType>(StringComparer.Ordinal);
        foreach (var schema in table.LocalIndexes.Select(i => i.KeySchema).Concat(table.GlobalIndexes.Select(i => i.KeySchema)))
            foreach (var key in ItemValidator.KeyAttributes(schema)) types[key.Name] = key.Type;
        return types;
    }

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
                throw DynamoException.Validation(UnsupportedUpdateType);
            if (value.Type != key.Type)
                throw DynamoException.Validation($"One or more parameter values were invalid: Type mismatch for Index Key {key.Name} Expected: {key.Type} Actual: {value.Type} IndexName: {index}");
            if ((value.Type == AttrType.S && value.Text!.Length == 0) || (value.Type == AttrType.B && value.Bytes!.Length == 0))
                throw DynamoException.Validation($"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttrType.S ? "string" : "binary")} value. IndexName: {index}, IndexKey: {key.Name}");
        }
    }
}
