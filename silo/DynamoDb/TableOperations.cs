using System.Text.Json;
using DataTier.Client;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>CreateTable, DescribeTable, ListTables and DeleteTable over JSON.</summary>
public sealed class TableOperations(ITableClient tables)
{
    public async Task CreateTable(ApiRequest r, Utf8JsonWriter w)
    {
        var name = r.Required(r.String("TableName"), "tableName");
        var keySchema = r.Required(r.Array("KeySchema"), "keySchema");
        var definitions = r.Required(r.Array("AttributeDefinitions"), "attributeDefinitions");
        var billing = r.Enum<BillingMode>("BillingMode", "billingMode") ?? BillingMode.PROVISIONED;
        r.ThrowIfInvalid();
        var attributes = ReadDefinitions(definitions!.Value, r);
        var keys = ReadKeySchema(keySchema!.Value, r);
        r.ThrowIfInvalid();

        // The schema needs each key's type, which only its definition holds, so this check comes first here.
        TableDefinitionValidator.CheckKeysDefined(keys.Select(k => k.Name).ToList(), attributes.Select(a => a.Name).ToList());
        var typed = keys.Select(k => attributes.First(a => a.Name == k.Name)).ToList();

        var throughput = ThroughputJson.Read(r);
        var stream = StreamSpecificationJson.Read(r);
        r.ThrowIfInvalid();
        if (throughput is null && billing == BillingMode.PROVISIONED)
            throw DynamoException.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        var (read, write) = throughput ?? (0, 0);

        var description = await tables.CreateTableAsync(new TableDefinition
        {
            Name = name!,
            KeySchema = new TableKeySchema(typed[0], typed.Count > 1 ? typed[1] : null),
            AttributeDefinitions = attributes,
            BillingMode = billing,
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
            Stream = stream,
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
        var page = await tables.ListTablesAsync(r.String("ExclusiveStartTableName"), r.Int("Limit"));
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
            if (name is null) r.Invalid($"attributeDefinitions.{i}.member.attributeName", "null", "Member must not be null");
            if (type is null) r.Invalid($"attributeDefinitions.{i}.member.attributeType", "null", "Member must not be null");
            else if (type is not ("S" or "N" or "B"))
                r.Invalid($"attributeDefinitions.{i}.member.attributeType", type, "Member must satisfy enum value set: [B, N, S]");
            if (name is not null && type is "S" or "N" or "B") result.Add(new KeyAttribute(name, Enum.Parse<AttrType>(type!)));
        }
        return result;
    }

    private static List<(string Name, string Type)> ReadKeySchema(JsonElement array, ApiRequest r)
    {
        var result = new List<(string, string)>();
        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            i++;
            var k = new ApiRequest(e);
            var name = k.String("AttributeName");
            var type = k.String("KeyType");
            if (name is null) r.Invalid($"keySchema.{i}.member.attributeName", "null", "Member must not be null");
            if (type is null) r.Invalid($"keySchema.{i}.member.keyType", "null", "Member must not be null");
            else if (type is not ("HASH" or "RANGE")) r.Invalid($"keySchema.{i}.member.keyType", type, "Member must satisfy enum value set: [HASH, RANGE]");
            if (name is not null && type is not null) result.Add((name, type));
        }
        if (i == 0) r.Invalid("keySchema", "[]", "Member must have length greater than or equal to 1");
        if (i > 2) r.Invalid("keySchema", $"[{string.Join(", ", result.Select(x => x.Item1))}]", "Member must have length less than or equal to 2");
        r.ThrowIfInvalid();
        if (result[0].Item2 != "HASH") throw DynamoException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (result.Count == 2 && result[1].Item2 != "RANGE") throw DynamoException.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        if (result.Count == 2 && result[0].Item1 == result[1].Item1)
            throw DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        return result;
    }
}
