using System.Text;

namespace DataTier.Bench.Http;

/// <summary>Pre-serialised DynamoDB JSON bodies, so the generator spends its time on the wire, not on JSON.</summary>
public sealed class DynamoRequests(LoadOptions options)
{
    private readonly string _payload = new('x', options.ItemSize);

    public byte[] CreateTable() => Encoding.UTF8.GetBytes(
        "{\"TableName\":\"" + options.Table + "\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}");

    public byte[] Put(int key) => Encoding.UTF8.GetBytes(
        "{\"TableName\":\"" + options.Table + "\",\"Item\":{\"pk\":{\"S\":\"k" + key + "\"},\"data\":{\"S\":\"" + _payload + "\"}}}");

    public byte[] Get(int key) => Encoding.UTF8.GetBytes(
        "{\"TableName\":\"" + options.Table + "\",\"Key\":{\"pk\":{\"S\":\"k" + key + "\"}}}");
}
