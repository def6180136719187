namespace DataTier.Streams;

/// <summary>Names of change logs: one per partition (a stream shard) of each stream a table has had.</summary>
public static class StreamLog
{
    public static string NameOf(string streamLabel, int partitionId) => $"{streamLabel}/{partitionId}";
}
