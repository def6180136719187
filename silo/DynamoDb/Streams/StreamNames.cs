using System.Globalization;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.Streams;

/// <summary>Stream ARNs (<c>{table ARN}/stream/{label}</c>), shard ids (one per partition id) and sequence number strings.</summary>
public static class StreamNames
{
    public static (string Table, string Label) ParseArn(string arn)
    {
        var table = arn.IndexOf(":table/", StringComparison.Ordinal);
        var stream = arn.IndexOf("/stream/", StringComparison.Ordinal);
        if (table < 0 || stream < table) throw NotFound(arn);
        return (arn[(table + 7)..stream], arn[(stream + 8)..]);
    }

    public static string ShardId(int partitionId) => $"shardId-{partitionId + 1:D20}-00000000";

    /// <summary>The partition id of a shard id that names a shard of the table, current or closed by a split.</summary>
    public static int PartitionOf(string shardId, Tables.PartitionMap map)
    {
        if (shardId.Length == 37 && shardId.StartsWith("shardId-", StringComparison.Ordinal)
            && long.TryParse(shardId.AsSpan(8, 20), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= int.MaxValue && map.Knows((int)number - 1))
            return (int)number - 1;
        throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Shard does not exist");
    }

    public static string Sequence(long sequence) => sequence.ToString("D21", CultureInfo.InvariantCulture);

    public static long ParseSequence(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw DynamoException.Validation($"1 validation error detected: Value '{text}' at 'sequenceNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+");

    public static DynamoException NotFound(string arn) =>
        new(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Stream: {arn} not found");
}
