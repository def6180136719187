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
        for (var key = 0; key < options.Items; key++)
        {
            Puts[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Item\":{\"pk\":{\"S\":\"k" + key + "\"},\"data\":{\"S\":\"" + payload + "\"}}}");
            Gets[key] = Utf8("{\"TableName\":\"" + options.Table + "\",\"Key\":{\"pk\":{\"S\":\"k" + key + "\"}}}");
        }
    }

    public byte[][] Puts { get; }

    public byte[][] Gets { get; }

    public byte[] CreateTable() => Utf8($$"""
        {"TableName":"{{_options.Table}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
        """);

    public byte[] DescribeTable() => Utf8($$"""{"TableName":"{{_options.Table}}"}""");

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
