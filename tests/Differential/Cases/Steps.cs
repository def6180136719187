namespace DataTier.Tests.Differential.Cases;

/// <summary>Short builders for the case tables: requests by operation, and the usual tables and items.</summary>
internal static class Steps
{
    public static DiffStep Op(string operation, string body) => new(DifferentialClient.TargetPrefix + operation, body);

    public static DiffCase Case(string name, params DiffStep[] steps) => new(name, steps);

    /// <summary>$T with a string partition key pk, 5/5 provisioned.</summary>
    public static DiffStep HashTable { get; } = Op("CreateTable",
        "{'TableName':'$T','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}");

    /// <summary>$T with a string partition key pk and a number sort key sk.</summary>
    public static DiffStep RangeTable { get; } = Op("CreateTable",
        "{'TableName':'$T','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}}");

    /// <summary>$T2 with a string partition key pk.</summary>
    public static DiffStep HashTable2 { get; } = Op("CreateTable",
        "{'TableName':'$T2','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");

    /// <summary>A CreateTable of $T with the given members after TableName.</summary>
    public static DiffStep Create(string members) => Op("CreateTable", "{'TableName':'$T'," + members + "}");

    /// <summary>PutItem into $T.</summary>
    public static DiffStep Put(string item) => Op("PutItem", "{'TableName':'$T','Item':" + item + "}");

    /// <summary>Four items in the range table: pk 'a' with sk 1, 2, 3 and pk 'b' with sk 1.</summary>
    public static DiffStep[] RangeItems { get; } =
    [
        RangeTable,
        Put("{'pk':{'S':'a'},'sk':{'N':'1'},'n':{'N':'10'},'s':{'S':'one'}}"),
        Put("{'pk':{'S':'a'},'sk':{'N':'2'},'n':{'N':'20'},'s':{'S':'two'},'tags':{'SS':['x','y']}}"),
        Put("{'pk':{'S':'a'},'sk':{'N':'3'},'n':{'N':'30'},'s':{'S':'three'},'m':{'M':{'k':{'S':'v'}}}}"),
        Put("{'pk':{'S':'b'},'sk':{'N':'1'},'n':{'N':'5'}}"),
    ];

    /// <summary>The hash table with one item: pk 'a', a number, a string set, a map and a list.</summary>
    public static DiffStep[] HashItem { get; } =
    [
        HashTable,
        Put("{'pk':{'S':'a'},'n':{'N':'1'},'ss':{'SS':['x','y']},'m':{'M':{'k':{'S':'v'},'l':{'L':[{'N':'1'},{'S':'two'}]}}},'b':{'BOOL':true}}"),
    ];

    public static DiffCase WithSetup(string name, DiffStep[] setup, DiffStep last) => new(name, [.. setup, last]);
}
