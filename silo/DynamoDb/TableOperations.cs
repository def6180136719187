using System.Text.Json;
using DataTier.Client;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>CreateTable, DescribeTable, ListTables and DeleteTable over JSON.</summary>
public sealed class TableOperations(ITableClient tables, GlobalTables.ReplicaGroup replicaGroup)
{
    /// <summary>Checks in AWS's order: member constraints (all reported together), billing, then the key schema.</summary>
    public async Task CreateTable(ApiRequest r, Utf8JsonWriter w)
    {
        var definitions = r.Required(r.Array("AttributeDefinitions"), "attributeDefinitions");
        var attributes = definitions is { } d ? ReadDefinitions(d, r) : [];
        var name = r.Required(r.String("TableName"), "tableName");
        if (name is not null) RequestValidation.TableNameErrors(name, "tableName", r.Invalid);
        var billing = r.Enum<BillingMode>("BillingMode", "billingMode") ?? BillingMode.PROVISIONED;
        var throughput = ThroughputJson.Read(r);
        var stream = StreamSpecificationJson.Read(r);
        var tableClass = r.Enum<TableClass>("TableClass", "tableClass");
        var keySchema = r.Required(r.Array("KeySchema"), "keySchema");
        var keys = keySchema is { } k ? ReadKeySchema(k, r) : [];
        r.ThrowIfInvalid();
        var localIndexes = IndexJson.Read(r, "LocalSecondaryIndexes", global: false);
        var globalIndexes = IndexJson.Read(r, "GlobalSecondaryIndexes", global: true);

        if (billing == BillingMode.PAY_PER_REQUEST && r.Object("ProvisionedThroughput") is not null)
            throw DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        if (throughput is null && billing == BillingMode.PROVISIONED)
            throw DynamoException.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        var (read, write) = throughput ?? (0, 0);

        if (keys.Count > attributes.Count)
            throw DynamoException.Validation("Invalid KeySchema: Some index key attribute have no definition");
        TableDefinitionValidator.CheckKeysDefined(keys.Select(x => x.Name).ToList(), attributes.Select(a => a.Name).ToList());
        if (keys.Count == 2 && keys[0].Name == keys[1].Name)
            throw DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        if (keys[0].Type != "HASH") throw DynamoException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (keys.Count == 2 && keys[1].Type != "RANGE") throw DynamoException.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        if (keys.Count != attributes.Count && localIndexes is null && globalIndexes is null)
            throw DynamoException.Validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        var typed = keys.Select(x => attributes.First(a => a.Name == x.Name)).ToList();
        if (localIndexes is not null && keys.Count != 2)
            throw DynamoException.Validation("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        var locals = (localIndexes ?? []).Select(i => new LocalSecondaryIndex { Name = i.Name, KeySchema = IndexJson.Keys(i, attributes), Projection = IndexJson.Projection(i) }).ToList();
        var globals = (globalIndexes ?? []).Select(i =>
        {
            var index = IndexJson.Global(i, attributes);
            if (billing == BillingMode.PAY_PER_REQUEST && i.Throughput is not null)
                throw DynamoException.Validation($"One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: {i.Name} when BillingMode is PAY_PER_REQUEST");
            return index;
        }).ToList();

        var description = await tables.CreateTableAsync(new TableDefinition
        {
            Name = name!,
            KeySchema = new TableKeySchema(typed[0], typed.Count > 1 ? typed[1] : null),
            AttributeDefinitions = attributes,
            BillingMode = billing,
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
            Stream = stream,
            LocalIndexes = locals,
            GlobalIndexes = globals,
            Tags = r.Array("Tags") is { } tags ? TagsJson.Read(tags) : null,
            DeletionProtectionEnabled = r.Bool("DeletionProtectionEnabled") ?? false,
            TableClass = tableClass,
            OnDemandThroughput = CapacitySettingsJson.ReadOnDemand(r),
            WarmThroughput = CapacitySettingsJson.ReadWarm(r),
        });
        w.WriteStartObject();
        w.WritePropertyName("TableDescription");
        TableDescriptionJson.Write(w, description);
        w.WriteEndObject();
    }

    public async Task DescribeTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        var description = await tables.DescribeTableAsync(name!);
        w.WriteStartObject();
        w.WritePropertyName("Table");
        TableDescriptionJson.Write(w, description);
        w.WriteEndObject();
    }

    public async Task ListTables(ApiRequest r, Utf8JsonWriter w)
    {
        var limit = r.Int("Limit");
        var start = r.String("ExclusiveStartTableName");
        if (limit < 1) r.Invalid("limit", limit, "Member must have value greater than or equal to 1");
        if (limit > 100) r.Invalid("limit", limit, "Member must have value less than or equal to 100");
        if (start is not null) RequestValidation.TableNameErrors(start, "exclusiveStartTableName", r.Invalid);
        r.ThrowIfInvalid();
        var page = await tables.ListTablesAsync(start, limit);
        w.WriteStartObject();
        w.WriteStartArray("TableNames");
        foreach (var n in page.TableNames) w.WriteStringValue(n);
        w.WriteEndArray();
        if (page.LastEvaluatedTableName is not null) w.WriteString("LastEvaluatedTableName", page.LastEvaluatedTableName);
        w.WriteEndObject();
    }

    public async Task DeleteTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        r.ThrowIfInvalid();
        var description = await tables.DeleteTableAsync(name!);
        if (description.RegionReplicas.Count > 0) await replicaGroup.LeaveAsync(description);
        w.WriteStartObject();
        w.WritePropertyName("TableDescription");
        TableDescriptionJson.Write(w, description);
        w.WriteEndObject();
    }

    private static List<KeyAttribute> ReadDefinitions(JsonElement array, ApiRequest r)
    {
        var result = new List<KeyAttribute>();
        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            i++;
            var d = new ApiRequest(e);
            var name = d.String("AttributeName");
            var type = d.String("AttributeType");
            if (name is null) r.Required<string>(null, $"attributeDefinitions.{i}.member.attributeName");
            if (type is null) r.Required<string>(null, $"attributeDefinitions.{i}.member.attributeType");
            else if (type is not ("S" or "N" or "B"))
                r.Invalid($"attributeDefinitions.{i}.member.attributeType", type, "Member must satisfy enum value set: [B, N, S]");
            if (name is not null && type is "S" or "N" or "B") result.Add(new KeyAttribute(name, Enum.Parse<AttrType>(type!)));
        }
        return result;
    }

    private static List<(string Name, string Type)> ReadKeySchema(JsonElement array, ApiRequest r)
    {
        var result = new List<(string Name, string Type)>();
        var count = array.GetArrayLength();
        if (count == 0) r.Invalid("keySchema", "[]", "Member must have length greater than or equal to 1");
        if (count > 2)
            r.Invalid("keySchema", $"[{string.Join(", ", array.EnumerateArray().Select(DescribeKey))}]", "Member must have length less than or equal to 2");
        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            i++;
            var k = new ApiRequest(e);
            var name = k.String("AttributeName");
            var type = k.String("KeyType");
            if (name is null) r.Required<string>(null, $"keySchema.{i}.member.attributeName");
            if (type is null) r.Required<string>(null, $"keySchema.{i}.member.keyType");
            else if (type is not ("HASH" or "RANGE")) r.Invalid($"keySchema.{i}.member.keyType", type, "Member must satisfy enum value set: [HASH, RANGE]");
            if (name is not null && type is not null) result.Add((name, type));
        }
        return result;
    }

    /// <summary>AWS shows a key schema element in errors as Java's toString of it.</summary>
    private static string DescribeKey(JsonElement e)
    {
        var k = new ApiRequest(e);
        return $"KeySchemaElement(attributeName={k.String("AttributeName") ?? "null"}, keyType={k.String("KeyType") ?? "null"})";
    }
}
