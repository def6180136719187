using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Indexes;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Tests.Cluster;

/// <summary>Tables with secondary indexes for the index tests, brute-force expectations, and draining the feeders of global indexes.</summary>
internal static class IndexTestTables
{
    public static readonly KeyAttribute Pk = new("pk", AttrType.S);
    public static readonly KeyAttribute Sk = new("sk", AttrType.N);
    public static readonly KeyAttribute Score = new("score", AttrType.N);
    public static readonly KeyAttribute Tag = new("tag", AttrType.S);
    public static readonly KeyAttribute City = new("city", AttrType.S);

    /// <summary>pk/sk with LSIs byScore (ALL) and byTag (KEYS_ONLY), GSIs byCity (city, score; ALL) and tagOnly (tag; INCLUDE note).</summary>
    public static Task<TableDescription> CreateAsync(ITableClient tables, string name) => tables.CreateTableAsync(new TableDefinition
    {
        Name = name,
        KeySchema = new TableKeySchema(Pk, Sk),
        AttributeDefinitions = [Pk, Sk, Score, Tag, City],
        BillingMode = BillingMode.PAY_PER_REQUEST,
        LocalIndexes =
        [
            new LocalSecondaryIndex { Name = "byScore", KeySchema = new TableKeySchema(Pk, Score), Projection = IndexProjection.All },
            new LocalSecondaryIndex { Name = "byTag", KeySchema = new TableKeySchema(Pk, Tag), Projection = new IndexProjection(ProjectionType.KEYS_ONLY) },
        ],
        GlobalIndexes =
        [
            new GlobalSecondaryIndex { Name = "byCity", KeySchema = new TableKeySchema(City, Score), Projection = IndexProjection.All },
            new GlobalSecondaryIndex { Name = "tagOnly", KeySchema = new TableKeySchema(Tag, null), Projection = new IndexProjection(ProjectionType.INCLUDE, ["note"]) },
        ],
    });

    /// <summary>A random item of partition key <paramref name="pk"/>: index key attributes are sometimes missing (sparse indexes).</summary>
    public static Dictionary<string, AttrValue> RandomItem(Random random, string pk, int sk)
    {
        var item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(pk), ["sk"] = AttrValue.FromN(sk) };
        if (random.Next(5) > 0) item["score"] = AttrValue.FromN(random.Next(10));
        if (random.Next(4) > 0) item["tag"] = AttrValue.FromS("t" + random.Next(4));
        if (random.Next(3) > 0) item["city"] = AttrValue.FromS("c" + random.Next(3));
        if (random.Next(2) > 0) item["note"] = AttrValue.FromS(new string('n', random.Next(1, 20)));
        item["other"] = AttrValue.FromN(random.Next());
        return item;
    }

    /// <summary>Feeds every global index of the table up to the end of its base partitions' logs.</summary>
    public static async Task DrainAsync(IGrainFactory grains, ITableClient tables, string name)
    {
        var table = await tables.DescribeTableAsync(name);
        foreach (var index in table.GlobalIndexes)
            await Task.WhenAll(table.Partitions.CurrentIds.Select(p =>
                grains.GetGrain<IIndexFeederGrain>(IndexFeedLog.FeederKey(table.Id, p, index.IndexTableId)).Drain()));
    }

    public static async Task<List<IReadOnlyDictionary<string, AttrValue>>> ScanAllAsync(ITableClient tables, string name, string? index = null, int? limit = null)
    {
        var all = new List<IReadOnlyDictionary<string, AttrValue>>();
        IReadOnlyDictionary<string, AttrValue>? start = null;
        do
        {
            var page = await tables.ScanAsync(new ScanRequest { TableName = name, IndexName = index, Limit = limit, ExclusiveStartKey = start });
            all.AddRange(page.Items);
            start = page.LastEvaluatedKey;
        } while (start is not null);
        return all;
    }

    public static async Task<List<IReadOnlyDictionary<string, AttrValue>>> QueryAllAsync(ITableClient tables, string name, string index, string keyName,
        AttrValue key, int? limit = null, bool forward = true)
    {
        var all = new List<IReadOnlyDictionary<string, AttrValue>>();
        IReadOnlyDictionary<string, AttrValue>? start = null;
        do
        {
            var page = await tables.QueryAsync(new QueryRequest
            {
                TableName = name,
                IndexName = index,
                KeyConditionExpression = "#k = :k",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = keyName },
                ExpressionAttributeValues = new Dictionary<string, AttrValue> { [":k"] = key },
                Limit = limit,
                ExclusiveStartKey = start,
                ScanIndexForward = forward,
            });
            all.AddRange(page.Items);
            start = page.LastEvaluatedKey;
        } while (start is not null);
        return all;
    }

    /// <summary>What an index must hold of <paramref name="items"/>: those with its keys, projected.</summary>
    public static List<IReadOnlyDictionary<string, AttrValue>> Expected(TableKeySchema table, TableKeySchema index, IndexProjection projection,
        IEnumerable<IReadOnlyDictionary<string, AttrValue>> items) =>
        items.Where(i => i.ContainsKey(index.PartitionKey.Name) && (index.SortKey is null || i.ContainsKey(index.SortKey.Name)))
            .Select(i => IndexKeys.Project(table, index, projection, i)).ToList();

    /// <summary>An item as text, attributes in name order, for comparing collections.</summary>
    public static string Text(IReadOnlyDictionary<string, AttrValue> item) =>
        string.Join(",", item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    public static decimal Number(IReadOnlyDictionary<string, AttrValue> item, string name) => decimal.Parse(item[name].Text!, System.Globalization.CultureInfo.InvariantCulture);
}
