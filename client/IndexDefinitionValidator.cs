using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>CreateTable's rules on local and global secondary indexes, with DynamoDB's messages.</summary>
public static class IndexDefinitionValidator
{
    private const string Invalid = "One or more parameter values were invalid: ";

    public static void Validate(TableDefinition definition)
    {
        var defined = definition.AttributeDefinitions.Select(d => d.Name).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (definition.LocalIndexes.Count > 0 && definition.KeySchema.SortKey is null)
            throw DynamoException.Validation(Invalid + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        foreach (var index in definition.LocalIndexes)
        {
            CheckCommon(index.Name, index.KeySchema, index.Projection, definition, defined, names);
            if (index.KeySchema.SortKey is null)
                throw DynamoException.Validation(Invalid + $"Index KeySchema does not have a range key for index: {index.Name}");
            if (index.KeySchema.PartitionKey.Name != definition.KeySchema.PartitionKey.Name)
                throw DynamoException.Validation(Invalid + $"Index KeySchema does not have the same leading hash key as table KeySchema for index: {index.Name}. index hash key: {index.KeySchema.PartitionKey.Name}, table hash key: {definition.KeySchema.PartitionKey.Name}");
        }
        if (definition.LocalIndexes.Count > 5)
            throw DynamoException.Validation(Invalid + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        foreach (var index in definition.GlobalIndexes)
        {
            CheckCommon(index.Name, index.KeySchema, index.Projection, definition, defined, names);
            if (definition.BillingMode == BillingMode.PAY_PER_REQUEST && (index.ReadCapacityUnits != 0 || index.WriteCapacityUnits != 0))
                throw DynamoException.Validation(Invalid + $"ProvisionedThroughput should not be specified for index: {index.Name} when BillingMode is PAY_PER_REQUEST");
            if (definition.BillingMode == BillingMode.PROVISIONED && (index.ReadCapacityUnits < 1 || index.WriteCapacityUnits < 1))
                throw DynamoException.Validation(Invalid + $"ProvisionedThroughput must be specified for index: {index.Name}");
        }
        if (definition.GlobalIndexes.Count > 20)
            throw DynamoException.Validation(Invalid + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
        var used = ItemValidator.KeyAttributes(definition.KeySchema)
            .Concat(definition.LocalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema)))
            .Concat(definition.GlobalIndexes.SelectMany(i => ItemValidator.KeyAttributes(i.KeySchema)))
            .Select(k => k.Name).Distinct().ToList();
        if (defined.Any(d => !used.Contains(d)))
            throw DynamoException.Validation(Invalid + $"Some AttributeDefinitions are not used. AttributeDefinitions: [{string.Join(", ", defined)}], keys used: [{string.Join(", ", used)}]");
        var projected = definition.LocalIndexes.Select(i => i.Projection).Concat(definition.GlobalIndexes.Select(i => i.Projection))
            .Sum(p => p.NonKeyAttributes?.Count ?? 0);
        if (projected > 100)
            throw DynamoException.Validation(Invalid + "The number of projected attributes in all indexes exceeds the limit of 100");
    }

    private static void CheckCommon(string name, TableKeySchema keys, IndexProjection projection, TableDefinition definition,
        List<string> defined, HashSet<string> names)
    {
        if (name.Length is < 3 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            throw DynamoException.Validation($"1 validation error detected: Value '{name}' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        var keyNames = ItemValidator.KeyAttributes(keys).Select(k => k.Name).ToList();
        if (keyNames.Any(k => !defined.Contains(k)))
            throw DynamoException.Validation(Invalid + $"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keyNames)}], AttributeDefinitions: [{string.Join(", ", defined)}]");
        if (keys.SortKey is not null && keys.SortKey.Name == keys.PartitionKey.Name)
            throw DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        foreach (var key in ItemValidator.KeyAttributes(keys))
            if (definition.AttributeDefinitions.First(d => d.Name == key.Name).Type != key.Type)
                throw DynamoException.Validation(Invalid + $"Type of index key attribute {key.Name} does not match its AttributeDefinition");
        if (projection.NonKeyAttributes is { Count: > 0 } && projection.Type != ProjectionType.INCLUDE)
            throw DynamoException.Validation(Invalid + $"ProjectionType is {projection.Type}, but NonKeyAttributes is specified");
        if (!names.Add(name)) throw DynamoException.Validation(Invalid + $"Duplicate index name: {name}");
    }
}
