using System.Text.Json;
using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>Reads LocalSecondaryIndexes, GlobalSecondaryIndexes and GlobalSecondaryIndexUpdates, and writes indexes in DescribeTable's shape.</summary>
public static class IndexJson
{
    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>One index as the request gives it, before its key attributes are typed.</summary>
    public sealed record RawIndex(string Name, List<(string Name, string Type)> Keys, ProjectionType? Projection, List<string>? NonKeyAttributes, (long Read, long Write)? Throughput,
        OnDemandThroughput? OnDemand = null, WarmThroughput? Warm = null);

    public static List<RawIndex>? Read(ApiRequest r, string member, bool global)
    {
        if (r.Array(member) is not { } array) return null;
        var result = new List<RawIndex>();
        foreach (var e in array.EnumerateArray()) result.Add(ReadOne(new ApiRequest(e), global));
        if (result.Count == 0) throw DynamoException.Validation(Invalid + $"List of {member} is empty");
        return result;
    }

    public static RawIndex ReadOne(ApiRequest i, bool global)
    {
        var name = i.String("IndexName") ?? throw DynamoException.Validation("1 validation error detected: Value null at 'indexName' failed to satisfy constraint: Member must not be null");
        var keys = new List<(string, string)>();
        foreach (var k in i.Array("KeySchema")?.EnumerateArray() ?? default)
        {
            var key = new ApiRequest(k);
            keys.Add((key.String("AttributeName") ?? "", key.String("KeyType") ?? ""));
        }
        ProjectionType? type = null;
        List<string>? nonKey = null;
        if (i.Object("Projection") is { } p)
        {
            var projection = new ApiRequest(p);
            if (projection.String("ProjectionType") is { } t)
                type = Enum.TryParse<ProjectionType>(t, out var parsed) && t == parsed.ToString() ? parsed
                    : throw DynamoException.Validation($"1 validation error detected: Value '{t}' at 'projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
            nonKey = projection.Array("NonKeyAttributes")?.EnumerateArray().Select(a => a.GetString() ?? "").ToList();
        }
        var throughput = global ? ThroughputJson.Read(i) : null;
        i.ThrowIfInvalid();
        return global
            ? new RawIndex(name, keys, type, nonKey, throughput, CapacitySettingsJson.ReadOnDemand(i), CapacitySettingsJson.ReadWarm(i))
            : new RawIndex(name, keys, type, nonKey, throughput);
    }

    /// <summary>Key schema checks in AWS's order, then the index with typed keys.</summary>
    public static TableKeySchema Keys(RawIndex index, IReadOnlyList<KeyAttribute> definitions)
    {
        var names = index.Keys.Select(k => k.Name).ToList();
        if (names.Count is < 1 or > 2)
            throw DynamoException.Validation($"1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length {(names.Count < 1 ? "greater than or equal to 1" : "less than or equal to 2")}");
        if (names.Any(n => definitions.All(d => d.Name != n)))
            throw DynamoException.Validation(Invalid + $"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", names)}], AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.Name))}]");
        if (names.Count == 2 && names[0] == names[1]) throw DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        if (index.Keys[0].Type != "HASH") throw DynamoException.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (names.Count == 2 && index.Keys[1].Type != "RANGE") throw DynamoException.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        if (index.Projection is null) throw DynamoException.Validation(Invalid + "Unknown ProjectionType: null");
        if (index.NonKeyAttributes is not null && index.Projection != ProjectionType.INCLUDE)
            throw DynamoException.Validation(Invalid + $"ProjectionType is {index.Projection}, but NonKeyAttributes is specified");
        return new TableKeySchema(definitions.First(d => d.Name == names[0]), names.Count > 1 ? definitions.First(d => d.Name == names[1]) : null);
    }

    public static IndexProjection Projection(RawIndex index) => new(index.Projection ?? ProjectionType.ALL, index.NonKeyAttributes);

    /// <summary>A global index as the request gives it, keyed on <paramref name="definitions"/>.</summary>
    public static GlobalSecondaryIndex Global(RawIndex index, IReadOnlyList<KeyAttribute> definitions) => new()
    {
        Name = index.Name,
        KeySchema = Keys(index, definitions),
        Projection = Projection(index),
        ReadCapacityUnits = index.Throughput?.Read ?? 0,
        WriteCapacityUnits = index.Throughput?.Write ?? 0,
        OnDemandThroughput = index.OnDemand ?? OnDemandThroughput.None,
        WarmThroughput = index.Warm,
    };

    public static void Write(Utf8JsonWriter w, TableDescription t)
    {
        if (t.LocalIndexes.Count > 0)
        {
            w.WriteStartArray("LocalSecondaryIndexes");
            foreach (var i in t.LocalIndexes)
            {
                w.WriteStartObject();
                WriteCommon(w, t, i.Name, i.KeySchema, i.Projection, i.SizeBytes, i.ItemCount);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (t.GlobalIndexes.Count == 0) return;
        w.WriteStartArray("GlobalSecondaryIndexes");
        foreach (var i in t.GlobalIndexes)
        {
            w.WriteStartObject();
            WriteCommon(w, t, i.Name, i.KeySchema, i.Projection, i.SizeBytes, i.ItemCount);
            w.WriteString("IndexStatus", i.Status.ToString());
            if (i.Backfilling) w.WriteBoolean("Backfilling", true);
            w.WriteStartObject("ProvisionedThroughput");
            if (i.ThroughputIncreasedTime is { } increased) w.WriteEpochSeconds("LastIncreaseDateTime", increased);
            if (i.ThroughputDecreasedTime is { } decreased) w.WriteEpochSeconds("LastDecreaseDateTime", decreased);
            w.WriteNumber("NumberOfDecreasesToday", i.DecreasesToday(DateTimeOffset.UtcNow));
            w.WriteNumber("ReadCapacityUnits", i.ReadCapacityUnits);
            w.WriteNumber("WriteCapacityUnits", i.WriteCapacityUnits);
            w.WriteEndObject();
            if (t.BillingMode == BillingMode.PAY_PER_REQUEST) CapacitySettingsJson.WriteOnDemand(w, i.OnDemandThroughput);
            CapacitySettingsJson.WriteWarm(w, "WarmThroughput", i.WarmThroughput, i.ReadCapacityUnits, i.WriteCapacityUnits, i.Status.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteCommon(Utf8JsonWriter w, TableDescription t, string name, TableKeySchema keys, IndexProjection projection, long size, long count)
    {
        w.WriteString("IndexName", name);
        TableDescriptionJson.WriteKeySchema(w, keys);
        w.WriteStartObject("Projection");
        w.WriteString("ProjectionType", projection.Type.ToString());
        if (projection.NonKeyAttributes is { } nonKey)
        {
            w.WriteStartArray("NonKeyAttributes");
            foreach (var a in nonKey) w.WriteStringValue(a);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteNumber("IndexSizeBytes", size);
        w.WriteNumber("ItemCount", count);
        w.WriteString("IndexArn", t.IndexArn(name));
    }
}
