namespace DataTier.GlobalTables;

/// <summary>
/// Where global tables keep their data: in each partition a log of the writes made in this region (written in the
/// same atomic batch as the items), each item's stamp in a key space of its own beside local index entries, and
/// the shippers' checkpoints under a reserved table id.
/// </summary>
public static class ReplicationLog
{
    /// <summary>Stream labels are timestamps, and the other logs start with <c>gsi/</c> or <c>pitr/</c>, so this cannot collide.</summary>
    public static string NameOf(int partition) => $"rep/{partition}";

    /// <summary>The key space of the items' stamps: index names cannot start with '#', so no user index collides.</summary>
    public const string StampIndex = "#rep";

    /// <summary>The grain key of the shipper of one partition's writes to one region.</summary>
    public static string ShipperKey(Guid tableId, int partition, string region) => $"{tableId:N}/{partition}/{region}";

    private static readonly byte[] StateMask = new Guid("72657065-0000-4000-8000-736869707065").ToByteArray();

    /// <summary>The reserved table id under which a table's shippers keep their checkpoints.</summary>
    public static Guid StateTableOf(Guid tableId)
    {
        var bytes = tableId.ToByteArray();
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= StateMask[i];
        return new Guid(bytes);
    }
}
