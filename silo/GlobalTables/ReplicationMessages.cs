using System.Buffers;
using System.Text.Json;
using DataTier.Tables;

namespace DataTier.Silo.GlobalTables;

/// <summary>The bodies of the replication targets (<see cref="ReplicationOperations"/>) one region sends another.</summary>
public static class ReplicationMessages
{
    public const string CreateReplica = "CreateReplica";
    public const string UpdateReplicaGroup = "UpdateReplicaGroup";
    public const string DeleteReplica = "DeleteReplica";
    public const string JoinGlobalTable = "JoinGlobalTable";
    public const string UpdateReplicaSettings = "UpdateReplicaSettings";
    public const string DescribeTableSettings = "DescribeTableSettings";
    public const string ApplyTableSettings = "ApplyTableSettings";

    /// <summary>
    /// Asks a region to create its replica of <paramref name="source"/> (the table's settings), in a group of <paramref name="group"/> (all
    /// regions, the sender included), with settings of its own (<paramref name="own"/>), if any.
    /// </summary>
    public static byte[] CreateReplicaBody(TableDescription source, IReadOnlyList<string> group, DataTier.GlobalTables.ReplicaSettings? own) => Body(w =>
    {
        w.WriteString("TableName", source.Name);
        w.WritePropertyName("Table");
        JsonSerializer.Serialize(w, source);
        WriteGroup(w, group);
        if (own is null) return;
        w.WritePropertyName("Settings");
        JsonSerializer.Serialize(w, own);
    });

    /// <summary>Tells a region which regions hold the table now (it drops those missing and starts sending to new ones).</summary>
    public static byte[] UpdateReplicaGroupBody(string table, IReadOnlyList<string> group) => Body(w =>
    {
        w.WriteString("TableName", table);
        WriteGroup(w, group);
    });

    /// <summary>
    /// Asks a region to make its table of the same name a replica of a global table of version 2017.11.29, created at
    /// <paramref name="created"/>, in a group of <paramref name="group"/> (all regions); with <paramref name="checkOnly"/>,
    /// only whether it could (its table exists, is empty, has the same keys, indexes, billing and stream as
    /// <paramref name="source"/>).
    /// </summary>
    public static byte[] JoinGlobalTableBody(TableDescription source, IReadOnlyList<string> group, DateTimeOffset created, bool checkOnly) => Body(w =>
    {
        w.WriteString("TableName", source.Name);
        w.WritePropertyName("Table");
        JsonSerializer.Serialize(w, source);
        WriteGroup(w, group);
        w.WriteNumber("Created", created.ToUnixTimeMilliseconds());
        w.WriteBoolean("CheckOnly", checkOnly);
    });

    /// <summary>
    /// Tells a region the settings of the replica in <paramref name="region"/> (version 2019.11.21): that region applies them to its
    /// table, the others record them.
    /// </summary>
    public static byte[] UpdateReplicaSettingsBody(string table, string region, DataTier.GlobalTables.ReplicaSettings settings) => Body(w =>
    {
        w.WriteString("TableName", table);
        w.WriteString("Region", region);
        w.WritePropertyName("Settings");
        JsonSerializer.Serialize(w, settings);
    });

    /// <summary>Asks a region for its replica's settings (version 2017.11.29), as DescribeGlobalTableSettings lists them.</summary>
    public static byte[] DescribeTableSettingsBody(string table) => Body(w => w.WriteString("TableName", table));

    /// <summary>
    /// Asks a region to change its replica's settings (version 2017.11.29: UpdateGlobalTableSettings) or, with
    /// <paramref name="checkOnly"/>, only whether it could.
    /// </summary>
    public static byte[] ApplyTableSettingsBody(string table, TableSettingsChange change, bool checkOnly) => Body(w =>
    {
        w.WriteString("TableName", table);
        w.WritePropertyName("Change");
        JsonSerializer.Serialize(w, change);
        w.WriteBoolean("CheckOnly", checkOnly);
    });

    /// <summary>Asks a region to delete its replica of the table.</summary>
    public static byte[] DeleteReplicaBody(string table) => Body(w => w.WriteString("TableName", table));

    /// <summary>The target of a change of a table's settings made here (UpdateTable, UpdateTimeToLive), to be made in another region.</summary>
    public static string Forward(string operation) => "Forward" + operation;

    /// <summary>The request of a settings change as it came, less its ReplicaUpdates.</summary>
    public static byte[] ForwardBody(JsonElement request) => Body(w =>
    {
        foreach (var member in request.EnumerateObject())
            if (member.Name != "ReplicaUpdates") member.WriteTo(w);
    });

    public static byte[] Body(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            writeMembers(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteGroup(Utf8JsonWriter w, IReadOnlyList<string> group)
    {
        w.WriteStartArray("Regions");
        foreach (var region in group) w.WriteStringValue(region);
        w.WriteEndArray();
    }
}
