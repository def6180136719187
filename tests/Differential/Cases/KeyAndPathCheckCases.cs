using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>
/// Checks the random differential test found the project lacking: nested paths in REMOVE and DELETE, the order of an
/// update's errors, index key types in updates and batches, operand checks made while parsing, nested paths into key
/// attributes, legacy conditions (NOT_CONTAINS beside another, arguments of two types, a QueryFilter naming a key,
/// KeyConditions beside a FilterExpression), an index read's capacity, and a batch's values checked before its keys.
/// </summary>
internal static class KeyAndPathCheckCases
{
    /// <summary>$T with pk (S), sk (N) and a local index byLs on ls (S), holding one item with a number and a map.</summary>
    private static readonly DiffStep[] IndexedItem =
    [
        Create("'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'ls','AttributeType':'S'}]," +
            "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]," +
            "'LocalSecondaryIndexes':[{'IndexName':'byLs','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'ls','KeyType':'RANGE'}],'Projection':{'ProjectionType':'ALL'}}],'BillingMode':'PAY_PER_REQUEST'"),
        Put("{'pk':{'S':'a'},'sk':{'N':'1'},'ls':{'S':'x'},'n':{'N':'1'},'m':{'M':{'k':{'S':'v'}}}}"),
    ];

    private const string IndexedKey = "'Key':{'pk':{'S':'a'},'sk':{'N':'1'}}";

    private static DiffCase Update(string name, string members) =>
        WithSetup(name, HashItem, Op("UpdateItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}}," + members + "}"));

    private static DiffCase IndexedUpdate(string name, string members) =>
        WithSetup(name, IndexedItem, Op("UpdateItem", "{'TableName':'$T'," + IndexedKey + "," + members + "}"));

    private static DiffCase IndexedRead(string name, string operation, string members) =>
        WithSetup(name, IndexedItem, Op(operation, "{'TableName':'$T'," + members + "}"));

    public static IEnumerable<DiffCase> All()
    {
        yield return Update("remove-nested-of-missing-attribute", "'UpdateExpression':'REMOVE nothing.k'");
        yield return Update("remove-element-of-number", "'UpdateExpression':'REMOVE n[0]'");
        yield return Update("remove-member-of-list", "'UpdateExpression':'REMOVE m.l.k'");
        yield return Update("remove-missing-member-of-map", "'UpdateExpression':'REMOVE m.nothing','ReturnValues':'ALL_NEW'");
        yield return Update("delete-nested-of-missing-attribute", "'UpdateExpression':'DELETE nothing.k :s','ExpressionAttributeValues':{':s':{'SS':['x']}}");
        yield return Update("set-value-errors-before-path-errors",
            "'UpdateExpression':'ADD m[5] :n SET a = list_append(nothing, :l)','ExpressionAttributeValues':{':n':{'N':'1'},':l':{'L':[]}}");
        yield return Update("paths-and-operands-in-the-expressions-order",
            "'UpdateExpression':'ADD n :ss REMOVE nothing.k','ExpressionAttributeValues':{':ss':{'SS':['x']}}");
        yield return Update("path-before-a-later-operand", "'UpdateExpression':'REMOVE nothing.k ADD n :ss','ExpressionAttributeValues':{':ss':{'SS':['x']}}");
        yield return Update("literal-operand-types-while-parsing",
            "'UpdateExpression':'SET a = list_append(:s, a), b = :s + :n','ExpressionAttributeValues':{':s':{'S':'x'},':n':{'N':'1'}}");
        yield return Update("overlap-before-add-operand-before-function-operand",
            "'UpdateExpression':'SET a = :s - :n ADD b :s SET c = :n REMOVE c','ExpressionAttributeValues':{':s':{'S':'x'},':n':{'N':'1'}}");
        yield return Update("condition-operand-checks",
            "'ConditionExpression':'n = n OR begins_with(n, :n)','UpdateExpression':'SET a = :n','ExpressionAttributeValues':{':n':{'N':'1'}}");
        yield return Update("condition-redundant-parentheses",
            "'ConditionExpression':'n = :n AND ((begins_with(n, :n)))','UpdateExpression':'SET a = :n','ExpressionAttributeValues':{':n':{'N':'1'}}");
        yield return Update("condition-between-bool-bounds",
            "'ConditionExpression':'n BETWEEN :t AND :n','UpdateExpression':'SET a = :n','ExpressionAttributeValues':{':n':{'N':'1'},':t':{'BOOL':true}}");
        yield return WithSetup("batch-refused-for-an-index-key-writes-nothing", IndexedItem,
            Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'1'}}}},{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'2'},'ls':{'N':'1'}}}}]}}"));
        yield return WithSetup("batch-refused-for-an-index-key-then-query", [.. IndexedItem,
            Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'1'}}}},{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'2'},'ls':{'N':'1'}}}}]}}")],
            Op("Query", "{'TableName':'$T','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'b'}}}"));

        yield return Update("expected-not-contains-beside-another",
            "'AttributeUpdates':{'a':{'Action':'PUT','Value':{'N':'1'}}},'Expected':{'n':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'N':'5'}]},'ss':{'ComparisonOperator':'NOT_NULL'}}");
        yield return Update("expected-in-of-two-types", "'AttributeUpdates':{'a':{'Action':'PUT','Value':{'N':'1'}}},'Expected':{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'S':'x'}]}}");
        yield return IndexedRead("query-filter-names-index-key", "Query",
            "'IndexName':'byLs','KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},'QueryFilter':{'ls':{'ComparisonOperator':'NOT_NULL'}}");
        yield return IndexedRead("key-conditions-with-filter-expression", "Query",
            "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},'FilterExpression':'n = :n','ExpressionAttributeValues':{':n':{'N':'1'}}");
        yield return IndexedRead("local-index-query-capacity-by-index", "Query",
            "'IndexName':'byLs','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}},'ReturnConsumedCapacity':'INDEXES'");
        yield return WithSetup("batch-values-checked-before-keys", IndexedItem,
            Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'S':'1'}}}},{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'2'},'s':{'SS':['x','x']}}}}]}}"));

        yield return IndexedUpdate("update-index-key-to-other-type", "'UpdateExpression':'SET ls = :n','ExpressionAttributeValues':{':n':{'N':'1'}}");
        yield return IndexedUpdate("update-index-key-by-arithmetic", "'UpdateExpression':'SET ls = nothing + :n','ExpressionAttributeValues':{':n':{'N':'1'}}");
        yield return IndexedUpdate("update-index-key-add-set", "'UpdateExpression':'DELETE ls :s','ExpressionAttributeValues':{':s':{'SS':['x']}}");
        yield return IndexedUpdate("update-index-key-from-attribute", "'UpdateExpression':'SET ls = n'");
        yield return IndexedUpdate("update-nested-index-key", "'UpdateExpression':'SET ls.k = :s','ExpressionAttributeValues':{':s':{'S':'x'}}");
        yield return IndexedUpdate("update-value-from-nested-key", "'UpdateExpression':'SET a = sk[0]'");
        yield return IndexedUpdate("update-value-from-nested-index-key", "'UpdateExpression':'SET a = if_not_exists(ls.k, :s)','ExpressionAttributeValues':{':s':{'S':'x'}}");

        yield return IndexedRead("get-projection-nested-key", "GetItem", IndexedKey + ",'ProjectionExpression':'n, pk.k'");
        yield return IndexedRead("get-projection-nested-index-key", "GetItem", IndexedKey + ",'ProjectionExpression':'ls[0]'");
        yield return IndexedRead("scan-projection-nested-key", "Scan", "'ProjectionExpression':'m, sk.k'");
        yield return IndexedRead("scan-filter-nested-index-key", "Scan", "'FilterExpression':'attribute_exists(ls.k)'");
        yield return IndexedRead("query-filter-nested-index-key", "Query",
            "'KeyConditionExpression':'pk = :p','FilterExpression':'size(ls[1]) > :n','ExpressionAttributeValues':{':p':{'S':'a'},':n':{'N':'1'}}");
        yield return IndexedRead("query-projection-nested-key", "Query",
            "'KeyConditionExpression':'pk = :p','ProjectionExpression':'pk.k','ExpressionAttributeValues':{':p':{'S':'a'}}");
    }
}
