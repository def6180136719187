using System.Text.Json;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb;

/// <summary>ReturnConsumedCapacity: NONE (the default), TOTAL, or INDEXES (TOTAL plus the table's own share).</summary>
public static class ConsumedCapacityJson
{
    public enum Mode { NONE, TOTAL, INDEXES }

    public static Mode Read(ApiRequest r)
    {
        var text = r.String("ReturnConsumedCapacity");
        if (text is null) return Mode.NONE;
        if (Enum.TryParse<Mode>(text, ignoreCase: false, out var mode)) return mode;
        throw DynamoException.Validation($"1 validation error detected: Value '{text}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }

    /// <summary>
    /// Writes the <c>ConsumedCapacity</c> member of a single-table response, unless the mode is NONE: the table's
    /// <paramref name="units"/> and what the request cost its global and local secondary indexes, in all and, with
    /// INDEXES, each apart.
    /// </summary>
    public static void WriteMember(Utf8JsonWriter w, Mode mode, string table, double units, bool read,
        IReadOnlyDictionary<string, double>? globalIndexes = null, IReadOnlyDictionary<string, double>? localIndexes = null)
    {
        if (mode == Mode.NONE) return;
        w.WritePropertyName("ConsumedCapacity");
        if (globalIndexes is not { Count: > 0 } && localIndexes is not { Count: > 0 })
        {
            WriteValue(w, mode, table, units, read);
            return;
        }
        w.WriteStartObject();
        w.WriteString("TableName", table);
        WriteUnits(w, units + (globalIndexes?.Values.Sum() ?? 0) + (localIndexes?.Values.Sum() ?? 0), read);
        if (mode == Mode.INDEXES)
        {
            w.WriteStartObject("Table");
            WriteUnits(w, units, read);
            w.WriteEndObject();
            WriteIndexes(w, "GlobalSecondaryIndexes", globalIndexes, read);
            WriteIndexes(w, "LocalSecondaryIndexes", localIndexes, read);
        }
        w.WriteEndObject();
    }

    private static void WriteIndexes(Utf8JsonWriter w, string member, IReadOnlyDictionary<string, double>? indexes, bool read)
    {
        if (indexes is not { Count: > 0 }) return;
        w.WriteStartObject(member);
        foreach (var (index, cost) in indexes)
        {
            w.WriteStartObject(index);
            WriteUnits(w, cost, read);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteUnits(Utf8JsonWriter w, double units, bool read)
    {
        w.WriteNumber("CapacityUnits", units);
        w.WriteNumber(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    }

    /// <summary>Writes the <c>ConsumedCapacity</c> list of a batch response, one entry per table.</summary>
    public static void WriteList(Utf8JsonWriter w, Mode mode, IReadOnlyDictionary<string, double> byTable, bool read)
    {
        if (mode == Mode.NONE) return;
        w.WriteStartArray("ConsumedCapacity");
        foreach (var (table, units) in byTable) WriteValue(w, mode, table, units, read);
        w.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter w, Mode mode, string table, double units, bool read)
    {
        w.WriteStartObject();
        w.WriteString("TableName", table);
        w.WriteNumber("CapacityUnits", units);
        w.WriteNumber(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
        if (mode == Mode.INDEXES)
        {
            w.WriteStartObject("Table");
            w.WriteNumber("CapacityUnits", units);
            w.WriteNumber(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
