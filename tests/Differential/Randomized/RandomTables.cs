using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// The three tables a random sequence works on: a hash-only table (pk S) without indexes, a hash-and-range table
/// (pk S, sk N) with a local secondary index on ls (S), and a hash-and-range table with three global secondary
/// indexes: hash-only on n (N, KEYS_ONLY), ls and n (INCLUDE b and l), a and sk (ALL). Items lacking an index key
/// attribute are left out of that index (sparse indexes).
/// </summary>
public sealed record RandomTables(string Hash, string Range, string Global)
{
    public const string LocalIndex = "byLs";

    public static readonly RandomIndex Local = new(LocalIndex, "pk", "S", "ls", "S", Global: false);

    public static readonly IReadOnlyList<RandomIndex> GlobalIndexes =
    [
        new("byN", "n", "N", null, null, Global: true),
        new("byLsN", "ls", "S", "n", "N", Global: true),
        new("byASk", "a", "S", "sk", "N", Global: true),
    ];

    /// <summary>The attribute types the global table's indexes declare, which its writes must respect.</summary>
    public static readonly IReadOnlyDictionary<string, string> GlobalKeyTypes = new Dictionary<string, string> { ["n"] = "N", ["ls"] = "S", ["a"] = "S" };

    public static RandomTables Fresh()
    {
        var prefix = "rnd-" + Guid.NewGuid().ToString("N")[..10];
        return new RandomTables(prefix + "-h", prefix + "-r", prefix + "-g");
    }

    public IEnumerable<RandomRequest> Create()
    {
        yield return new RandomRequest("CreateTable", Parse(
            "{'TableName':'" + Hash + "','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}"));
        yield return new RandomRequest("CreateTable", Parse(
            "{'TableName':'" + Range + "','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'ls','AttributeType':'S'}]," +
            RangeKeySchema +
            "'LocalSecondaryIndexes':[{'IndexName':'" + LocalIndex + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'ls','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]," +
            "'BillingMode':'PAY_PER_REQUEST'}"));
        yield return new RandomRequest("CreateTable", Parse(
            "{'TableName':'" + Global + "','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}," +
            "{'AttributeName':'n','AttributeType':'N'},{'AttributeName':'ls','AttributeType':'S'},{'AttributeName':'a','AttributeType':'S'}]," +
            RangeKeySchema +
            "'GlobalSecondaryIndexes':[" +
            "{'IndexName':'byN','KeySchema':[{'AttributeName':'n','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}," +
            "{'IndexName':'byLsN','KeySchema':[{'AttributeName':'ls','KeyType':'HASH'},{'AttributeName':'n','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['b','l']}}," +
            "{'IndexName':'byASk','KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]," +
            "'BillingMode':'PAY_PER_REQUEST'}"));
    }

    public IEnumerable<RandomRequest> Delete() =>
        [new("DeleteTable", new JsonObject { ["TableName"] = Hash }), new("DeleteTable", new JsonObject { ["TableName"] = Range }), new("DeleteTable", new JsonObject { ["TableName"] = Global })];

    private const string RangeKeySchema = "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],";

    private static JsonObject Parse(string singleQuoted) => JsonNode.Parse(singleQuoted.Replace('\'', '"'))!.AsObject();
}
