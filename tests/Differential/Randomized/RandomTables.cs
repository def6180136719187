using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// The two tables a random sequence works on: a hash-only table (pk S) and a hash-and-range table (pk S, sk N) with a
/// local secondary index on ls (S). No global index: the project feeds those from the change stream, so a read right
/// after a write may not see it, where dynalite's would.
/// </summary>
public sealed record RandomTables(string Hash, string Range)
{
    public const string LocalIndex = "byLs";

    public static RandomTables Fresh()
    {
        var prefix = "rnd-" + Guid.NewGuid().ToString("N")[..10];
        return new RandomTables(prefix + "-h", prefix + "-r");
    }

    public IEnumerable<RandomRequest> Create()
    {
        yield return new RandomRequest("CreateTable", Parse(
            "{'TableName':'" + Hash + "','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}"));
        yield return new RandomRequest("CreateTable", Parse(
            "{'TableName':'" + Range + "','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'ls','AttributeType':'S'}]," +
            "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]," +
            "'LocalSecondaryIndexes':[{'IndexName':'" + LocalIndex + "','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'ls','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}]," +
            "'BillingMode':'PAY_PER_REQUEST'}"));
    }

    public IEnumerable<RandomRequest> Delete() =>
        [new("DeleteTable", new JsonObject { ["TableName"] = Hash }), new("DeleteTable", new JsonObject { ["TableName"] = Range })];

    private static JsonObject Parse(string singleQuoted) => JsonNode.Parse(singleQuoted.Replace('\'', '"'))!.AsObject();
}
