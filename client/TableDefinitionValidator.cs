using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Client;

/// <summary>CreateTable's rules on key schema, attribute definitions and billing, with DynamoDB's messages.</summary>
public static class TableDefinitionValidator
{
    /// <summary>Every key attribute needs an attribute definition.</summary>
    public static void CheckKeysDefined(IReadOnlyList<string> keys, IReadOnlyList<string> defined)
    {
        if (keys.Any(k => !defined.Contains(k)))
            throw DynamoException.Validation(
                $"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keys)}], AttributeDefinitions: [{string.Join(", ", defined)}]");
    }

    public static void Validate(TableDefinition definition)
    {
        var keys = ItemValidator.KeyAttributes(definition.KeySchema).ToList();
        var defined = definition.AttributeDefinitions;
        if (defined.GroupBy(d => d.Name).Any(g => g.Count() > 1))
            throw DynamoException.Validation("Cannot have two attributes with the same name");
        foreach (var d in defined)
            if (d.Type is not (AttrType.S or AttrType.N or AttrType.B))
                throw DynamoException.Validation($"1 validation error detected: Value '{d.Type}' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        CheckKeysDefined(keys.Select(k => k.Name).ToList(), defined.Select(d => d.Name).ToList());
        var hasIndexes = definition.LocalIndexes.Count > 0 || definition.GlobalIndexes.Count > 0;
        if (defined.Count != keys.Count && !hasIndexes)
            throw DynamoException.Validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        if (definition.KeySchema.SortKey is not null && definition.KeySchema.SortKey.Name == definition.KeySchema.PartitionKey.Name)
            throw DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        if (definition.BillingMode == BillingMode.PROVISIONED && (definition.ReadCapacityUnits < 1 || definition.WriteCapacityUnits < 1))
            throw DynamoException.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        if (definition.BillingMode == BillingMode.PAY_PER_REQUEST && (definition.ReadCapacityUnits != 0 || definition.WriteCapacityUnits != 0))
            throw DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        if (hasIndexes) IndexDefinitionValidator.Validate(definition);
    }
}
