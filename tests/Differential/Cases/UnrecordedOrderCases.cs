using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>
/// Which of two errors a request gets where nothing records AWS's order, so the project follows dynalite's (each case
/// was answered otherwise before): a start key before key paths, an item's values before Expected, every table's
/// projection and duplicate keys in a BatchGetItem before any table's keys, an index key's type in its turn among an
/// update's actions, and an Expected condition of a type its operator cannot compare failing rather than refused.
/// </summary>
internal static class UnrecordedOrderCases
{
    /// <summary>$T (pk S, sk N) with the global index byG (g S), all attributes projected.</summary>
    private static DiffStep IndexedTable { get; } = Create(
        "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'}]," +
        "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'BillingMode':'PAY_PER_REQUEST'," +
        "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'}}]");

    private static DiffStep IndexedItem { get; } = Put("{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'x'},'n':{'N':'5'},'m':{'S':'X'}}");

    public static IEnumerable<DiffCase> All()
    {
        yield return Case("query-start-key-outside-before-filter-index-key-path", IndexedTable, Op("Query",
            "{'TableName':'$T','KeyConditionExpression':'pk = :a','FilterExpression':'attribute_not_exists(g.y)','ExclusiveStartKey':{'pk':{'S':'b'},'sk':{'N':'1'}},'ExpressionAttributeValues':{':a':{'S':'a'}}}"));
        yield return Case("scan-start-key-invalid-before-filter-index-key-path", IndexedTable, Op("Scan",
            "{'TableName':'$T','FilterExpression':'attribute_exists(g.y)','ExclusiveStartKey':{'pk':{'S':'a'},'sk':{'S':'1'}}}"));
        yield return Case("put-item-empty-set-before-expected-mixed-types", HashTable, Op("PutItem",
            "{'TableName':'$T','Item':{'pk':{'S':'a'},'l':{'NS':[]}},'Expected':{'s':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'10'},{'S':'a'}]}}}"));
        yield return Case("batch-get-later-projection-overlap-before-key-path", HashTable, HashTable2, Op("BatchGetItem",
            "{'RequestItems':{'$T':{'Keys':[{'pk':{'S':'a'}}],'ProjectionExpression':'pk[1]'},'$T2':{'Keys':[{'pk':{'S':'a'}}],'ProjectionExpression':'b, b'}}}"));
        yield return Case("batch-get-projection-overlap-before-later-duplicate-keys", HashTable, HashTable2, Op("BatchGetItem",
            "{'RequestItems':{'$T':{'Keys':[{'pk':{'S':'a'}}],'ProjectionExpression':'m, m'},'$T2':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'a'}}]}}}"));
        yield return Case("batch-get-duplicate-keys-before-later-projection-overlap", HashTable, HashTable2, Op("BatchGetItem",
            "{'RequestItems':{'$T':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'a'}}]},'$T2':{'Keys':[{'pk':{'S':'a'}}],'ProjectionExpression':'m, m'}}}"));
        yield return Case("update-index-key-type-before-later-invalid-path", IndexedTable, IndexedItem, Op("UpdateItem",
            "{'TableName':'$T','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'UpdateExpression':'SET g = n ADD m.y :one','ExpressionAttributeValues':{':one':{'N':'1'}}}"));
        // of a map: dynalite compares a number's digits as text when the attribute is a number too, which no expression can
        yield return WithSetup("put-item-expected-begins-with-number-fails", HashItem, Op("PutItem",
            "{'TableName':'$T','Item':{'pk':{'S':'a'}},'Expected':{'m':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'1'}]}}}"));
    }
}
