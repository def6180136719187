using System.Text;

namespace DataTier.Bench.Http;

/// <summary>Pre-serialised DynamoDB JSON bodies, so the generator spends its time on the wire, not on JSON.</summary>
public sealed class DynamoRequests
{
    private readonly LoadOptions _options;

    public DynamoRequests(LoadOptions options)
    {
        _options = options;
        var payload = new string('x', options.ItemSize);
        // Built once and shared by all workers: 10,000 keys of 1 KB items are about 11 MB.
        Puts = new byte[options.Items][];
        Gets = new byte[options.Items][];
        ConsistentGets = new byte[options.Items][];
        Updates = new byte[options.Items][];
        _itemJson = new string[options.Items];
        for (var key = 0; key < options.Items; key++)
        {
            // g1 and g2 key the global indexes of --indexes; every table's items carry them, so both tables store the same bytes
            _itemJson[key] = "{\"pk\":{\"S\":\"k" + key + "\"},\"g1\":{\"S\":\"a" + key % 100 + "\"},\"g2\":{\"S\":\"b" + key % 37 + "\"},\"data\":{\"S\":\"" + payload + "\"}}";
            Puts[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Item\":" + _itemJson[key] + "}");
            Gets[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Key\":{\"pk\":{\"S\":\"k" + key + "\"}}}");
            ConsistentGets[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Key\":{\"pk\":{\"S\":\"k" + key + "\"}},\"ConsistentRead\":true}");
            Updates[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Key\":{\"pk\":{\"S\":\"k" + key +
                "\"}},\"UpdateExpression\":\"SET n = if_not_exists(n, :zero) + :one\",\"ConditionExpression\":\"attribute_exists(pk)\"," +
                "\"ExpressionAttributeValues\":{\":zero\":{\"N\":\"0\"},\":one\":{\"N\":\"1\"}}}");
        }
        QueryRows = new byte[QueryRowCount][];
        for (var row = 0; row < QueryRowCount; row++)
            QueryRows[row] = Utf8("{\"TableName\":\"" + QueryTable + "\",\"Item\":{\"pk\":{\"S\":\"q\"},\"sk\":{\"N\":\"" + row + "\"},\"data\":{\"S\":\"" + payload + "\"}}}");
        QueryPage = Utf8("{\"TableName\":\"" + QueryTable + "\",\"KeyConditionExpression\":\"pk = :q\",\"ExpressionAttributeValues\":{\":q\":{\"S\":\"q\"}}}");
    }

    /// <summary>Rows under one partition key in the query table: more than a 1 MB page holds.</summary>
    public const int QueryRowCount = 1100;

    private readonly string[] _itemJson;

    public string QueryTable => _options.Table + "-query";

    /// <summary>UpdateItem of a counter with a condition, one body per key.</summary>
    public byte[][] Updates { get; }

    /// <summary>PutItem bodies of the query table's rows.</summary>
    public byte[][] QueryRows { get; }

    /// <summary>A Query that returns a full 1 MB page.</summary>
    public byte[] QueryPage { get; }

    /// <summary>TransactWriteItems putting <paramref name="count"/> distinct random keys.</summary>
    public byte[] TransactPuts(Random random, int count)
    {
        var keys = new HashSet<int>();
        while (keys.Count < count) keys.Add(random.Next(_options.Items));
        var body = new StringBuilder("{\"TransactItems\":[");
        var first = true;
        foreach (var key in keys)
        {
            if (!first) body.Append(',');
            first = false;
            body.Append("{\"Put\":{\"TableName\":\"").Append(_options.Table).Append("\",\"Item\":").Append(_itemJson[key]).Append("}}");
        }
        return Utf8(body.Append("]}").ToString());
    }

    public byte[][] Puts { get; }

    public byte[][] Gets { get; }

    /// <summary>GetItems with ConsistentRead: always a call to the partition grain, even on its own silo.</summary>
    public byte[][] ConsistentGets { get; }

    /// <summary>The global index the lag probe queries.</summary>
    public const string LagIndex = "byG1";

    public byte[] CreateTable() => Utf8(_options.Indexes
        ? $$$"""
        {"TableName":"{{{_options.Table}}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g1","AttributeType":"S"},{"AttributeName":"g2","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
         "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "GlobalSecondaryIndexes":[{"IndexName":"{{{LagIndex}}}","KeySchema":[{"AttributeName":"g1","KeyType":"HASH"},{"AttributeName":"pk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}},
                                   {"IndexName":"byG2","KeySchema":[{"AttributeName":"g2","KeyType":"HASH"},{"AttributeName":"pk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}
        """
        : _options.ReplicaRegion is not null
        ? $$$"""
        {"TableName":"{{{_options.Table}}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
         "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}
        """
        : $$"""
        {"TableName":"{{_options.Table}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
        """);

    public byte[] CreateQueryTable() => Utf8($$"""
        {"TableName":"{{QueryTable}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}
        """);

    public static byte[] DescribeTable(string table) => Utf8($$"""{"TableName":"{{table}}"}""");

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
