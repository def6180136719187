using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DataTier.AwsDynamoDb;

namespace DataTier.Membership;

/// <summary>
/// The one DynamoDB item that holds a cluster's whole membership table: the table version
/// (<c>ver</c>, <c>etag</c>) and, per silo, its row (<c>r:SILO</c>, JSON), the row's etag
/// (<c>e:SILO</c>) and its last I-am-alive time (<c>a:SILO</c>, ticks). Because version and rows are
/// one item, a conditional write changes both atomically.
/// </summary>
internal sealed class MembershipItem(IAmazonDynamoDB client, string tableName)
{
    public const string RowPrefix = "r:";
    public const string EtagPrefix = "e:";
    public const string AlivePrefix = "a:";

    public IAmazonDynamoDB Client { get; } = client;

    public string TableName { get; } = tableName;

    public static Dictionary<string, AttributeValue> Key(string cluster) => new() { ["pk"] = Attr.S(cluster) };

    public async Task<Dictionary<string, AttributeValue>?> ReadAsync(string cluster)
    {
        var response = await Client.GetItemAsync(new GetItemRequest { TableName = TableName, Key = Key(cluster), ConsistentRead = true });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public static TableVersion VersionOf(Dictionary<string, AttributeValue>? item) =>
        item is null ? new TableVersion(0, "0") : new TableVersion((int)(item.GetN("ver") ?? 0), item.GetS("etag") ?? "0");

    public static IEnumerable<Tuple<MembershipEntry, string>> RowsOf(Dictionary<string, AttributeValue>? item)
    {
        if (item is null) yield break;
        foreach (var (name, value) in item)
        {
            if (!name.StartsWith(RowPrefix, StringComparison.Ordinal) || value.S is null) continue;
            var silo = name[RowPrefix.Length..];
            var entry = MembershipRow.Deserialize(value.S, item.GetN(AlivePrefix + silo));
            yield return Tuple.Create(entry, item.GetS(EtagPrefix + silo) ?? "");
        }
    }

    public static MembershipTableData DataOf(Dictionary<string, AttributeValue>? item, SiloAddress? only = null) => new(
        RowsOf(item).Where(r => only is null || r.Item1.SiloAddress.Equals(only)).ToList(),
        VersionOf(item));
}
