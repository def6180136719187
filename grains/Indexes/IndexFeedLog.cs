namespace DataTier.Indexes;

/// <summary>
/// The internal change log that feeds global secondary indexes and read replicas: a table with any
/// global index or replica has, in each partition, a log of NEW_AND_OLD_IMAGES records written in the same atomic batch as the items,
/// apart from (and whether or not there is) the user's stream, which it never shows up in.
/// </summary>
public static class IndexFeedLog
{
    /// <summary>Stream labels are timestamps, so this name cannot collide with a user stream's log.</summary>
    public static string NameOf(int partition) => $"gsi/{partition}";

    /// <summary>The grain key of the feeder of one base partition into one index table.</summary>
    public static string FeederKey(Guid baseTableId, int partition, Guid indexTableId) => $"{baseTableId:N}/{partition}/{indexTableId:N}";

    private static readonly byte[] StateMask = new Guid("66656564-0000-4000-8000-737461746573").ToByteArray();

    /// <summary>The reserved table id under which the feeders of an index table keep their checkpoints.</summary>
    public static Guid StateTableOf(Guid indexTableId)
    {
        var bytes = indexTableId.ToByteArray();
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= StateMask[i];
        return new Guid(bytes);
    }
}
