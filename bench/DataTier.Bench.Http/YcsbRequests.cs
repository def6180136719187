using System.Globalization;
using System.Text;

namespace DataTier.Bench.Http;

/// <summary>
/// The YCSB core workloads' requests in DynamoDB JSON. Records are YCSB's: a key and ten fields
/// (<c>field0</c>…<c>field9</c>) of a tenth of the item size each (100 bytes for 1 KB items).
/// <list type="bullet">
/// <item>table <c>TABLE-ycsb</c> (hash key <c>pk</c>, S): keys <c>user0</c>…; a read is a GetItem of
/// the whole record, an update an UpdateItem that sets one field, chosen at random, to a new value
/// (YCSB's default, <c>writeallfields=false</c>; YCSB's DynamoDB binding also updates with UpdateItem);</item>
/// <item>table <c>TABLE-ycsb-e</c> (hash key <c>pk</c>, S; sort key <c>sk</c>, N): <see cref="RowsPerPartitionKey"/>
/// rows under each of items / 20 partition keys <c>p0</c>…; a short scan is a Query of 1 to 10 rows
/// (uniform) from a start sort key 0 to 10 (uniform), so it always returns exactly that many; an
/// insert puts a new row under a sort key no query reaches.</item>
/// </list>
/// Reads and queries are serialised before the clock starts; updates and inserts are assembled from
/// precomputed parts per request (a few hundred bytes), since their values must change.
/// </summary>
public sealed class YcsbRequests
{
    public const int Fields = 10;
    public const int RowsPerPartitionKey = 20;
    public const int MaxScanLength = 10;
    public const int MaxScanStart = RowsPerPartitionKey - MaxScanLength;

    private const int ValueVariants = 16;
    private readonly string _fieldValue;
    private readonly string[] _updateValues;

    public YcsbRequests(string table, int items, int itemSize)
    {
        Table = table + "-ycsb";
        RangeTable = table + "-ycsb-e";
        Items = items;
        PartitionKeys = Math.Max(1, items / RowsPerPartitionKey);
        var fieldSize = itemSize / Fields;
        _fieldValue = new string('x', fieldSize);
        _updateValues = Enumerable.Range(0, ValueVariants).Select(v => new string((char)('a' + v), fieldSize)).ToArray();
        Reads = new byte[items][];
        for (var key = 0; key < items; key++)
            Reads[key] = Utf8("{\"TableName\":\"" + Table + "\",\"Key\":{\"pk\":{\"S\":\"user" + key.ToString(CultureInfo.InvariantCulture) + "\"}}}");
        Scans = new byte[PartitionKeys * (MaxScanStart + 1) * MaxScanLength][];
        for (var pk = 0; pk < PartitionKeys; pk++)
            for (var start = 0; start <= MaxScanStart; start++)
                for (var length = 1; length <= MaxScanLength; length++)
                    Scans[ScanIndex(pk, start, length)] = Utf8(string.Create(CultureInfo.InvariantCulture,
                        $"{{\"TableName\":\"{RangeTable}\",\"KeyConditionExpression\":\"pk = :p AND sk >= :s\",\"ExpressionAttributeValues\":{{\":p\":{{\"S\":\"p{pk}\"}},\":s\":{{\"N\":\"{start}\"}}}},\"Limit\":{length}}}"));
    }

    public string Table { get; }

    public string RangeTable { get; }

    public int Items { get; }

    public int PartitionKeys { get; }

    /// <summary>GetItem of each record.</summary>
    public byte[][] Reads { get; }

    private byte[][] Scans { get; }

    public byte[] Scan(int partitionKey, int start, int length) => Scans[ScanIndex(partitionKey, start, length)];

    private static int ScanIndex(int pk, int start, int length) => (pk * (MaxScanStart + 1) + start) * MaxScanLength + length - 1;

    public byte[] Update(int key, Random random)
    {
        var field = random.Next(Fields);
        var value = _updateValues[random.Next(ValueVariants)];
        return Utf8(string.Concat("{\"TableName\":\"", Table, "\",\"Key\":{\"pk\":{\"S\":\"user", key.ToString(CultureInfo.InvariantCulture),
            "\"}},\"UpdateExpression\":\"SET field", field.ToString(CultureInfo.InvariantCulture), " = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"", value, "\"}}}"));
    }

    /// <summary>A PutItem of a new row under <paramref name="partitionKey"/>, at a sort key beyond every query's reach.</summary>
    public byte[] Insert(int partitionKey, long sortKey) =>
        Utf8("{\"TableName\":\"" + RangeTable + "\",\"Item\":" + RangeRow(partitionKey, RowsPerPartitionKey + sortKey) + "}");

    public string Record(int key) => "{\"pk\":{\"S\":\"user" + key.ToString(CultureInfo.InvariantCulture) + "\"}," + FieldsJson() + "}";

    public string RangeRow(int partitionKey, long sortKey) => "{\"pk\":{\"S\":\"p" + partitionKey.ToString(CultureInfo.InvariantCulture) +
        "\"},\"sk\":{\"N\":\"" + sortKey.ToString(CultureInfo.InvariantCulture) + "\"}," + FieldsJson() + "}";

    private string FieldsJson()
    {
        var json = new StringBuilder();
        for (var f = 0; f < Fields; f++)
        {
            if (f > 0) json.Append(',');
            json.Append("\"field").Append(f).Append("\":{\"S\":\"").Append(_fieldValue).Append("\"}");
        }
        return json.ToString();
    }

    /// <summary>BatchWriteItem bodies (25 puts each) that load every record and every range row.</summary>
    public IEnumerable<(string Table, List<string> Items)> LoadBatches()
    {
        foreach (var batch in Enumerable.Range(0, Items).Chunk(25))
            yield return (Table, batch.Select(Record).ToList());
        var rows = Enumerable.Range(0, PartitionKeys).SelectMany(pk => Enumerable.Range(0, RowsPerPartitionKey).Select(sk => (pk, sk)));
        foreach (var batch in rows.Chunk(25))
            yield return (RangeTable, batch.Select(r => RangeRow(r.pk, r.sk)).ToList());
    }

    public static byte[] BatchWrite(string table, IEnumerable<string> items) =>
        Utf8("{\"RequestItems\":{\"" + table + "\":[" + string.Join(',', items.Select(i => "{\"PutRequest\":{\"Item\":" + i + "}}")) + "]}}");

    public static byte[] Put(string table, string item) => Utf8("{\"TableName\":\"" + table + "\",\"Item\":" + item + "}");

    public byte[] CreateTable() => Utf8($$"""
        {"TableName":"{{Table}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
        """);

    public byte[] CreateRangeTable() => Utf8($$"""
        {"TableName":"{{RangeTable}}","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}
        """);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
