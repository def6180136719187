using System.Globalization;
using System.Text;
using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.Streams;

/// <summary>
/// A position in one shard: the next sequence number to read, in one stream of one table, issued at
/// a time (iterators expire after 15 minutes). Opaque to clients: base64 of its fields.
/// </summary>
public sealed record ShardIterator(string TableName, Guid TableId, string Label, int Partition, long NextSequence, long IssuedMs)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('|',
        TableName, TableId.ToString("N"), Label, Partition.ToString(CultureInfo.InvariantCulture),
        NextSequence.ToString(CultureInfo.InvariantCulture), IssuedMs.ToString(CultureInfo.InvariantCulture))));

    public static ShardIterator Decode(string text)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('|');
            if (parts.Length == 6)
                return new ShardIterator(parts[0], Guid.ParseExact(parts[1], "N"), parts[2],
                    int.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture), long.Parse(parts[5], CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
        }
        throw DynamoException.Validation("Invalid ShardIterator");
    }
}
