using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>BatchGetItem and BatchWriteItem: valid batches and AWS's limits.</summary>
internal static class BatchCases
{
    private static string Puts(int count, string table = "$T") =>
        "{'RequestItems':{'" + table + "':[" + string.Join(",", Enumerable.Range(0, count).Select(i => "{'PutRequest':{'Item':{'pk':{'S':'k" + i + "'}}}}")) + "]}}";

    private static string Keys(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => "{'pk':{'S':'k" + i + "'}}"));

    public static IEnumerable<DiffCase> All()
    {
        // BatchWriteItem
        yield return Case("batch-write-puts", HashTable, Op("BatchWriteItem", Puts(3)));
        yield return Case("batch-write-put-key-of-other-type", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'N':'1'}}}}]}}"));
        yield return Case("batch-write-25", HashTable, Op("BatchWriteItem", Puts(25)));
        yield return Case("batch-write-26", HashTable, Op("BatchWriteItem", Puts(26)));
        yield return Case("batch-write-two-tables", HashTable, HashTable2, Op("BatchWriteItem",
            "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'b'}}}}],'$T2':[{'PutRequest':{'Item':{'pk':{'S':'c'},'v':{'N':'1'}}}}]},'ReturnConsumedCapacity':'TOTAL'}"));
        yield return Case("batch-write-then-scan", HashTable, Op("BatchWriteItem", Puts(5)), Op("Scan", "{'TableName':'$T','Select':'COUNT'}"));
        yield return Case("batch-write-empty", HashTable, Op("BatchWriteItem", "{'RequestItems':{}}"));
        yield return Case("batch-write-empty-list", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[]}}"));
        yield return Case("batch-write-no-request-items", Op("BatchWriteItem", "{}"));
        yield return Case("batch-write-missing-table", Op("BatchWriteItem", Puts(1)));
        yield return Case("batch-write-duplicate-puts", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'PutRequest':{'Item':{'pk':{'S':'a'},'v':{'N':'1'}}}}]}}"));
        yield return Case("batch-write-put-and-delete-same-key", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'a'}}}}]}}"));
        yield return Case("batch-write-neither-put-nor-delete", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{}]}}"));
        yield return Case("batch-write-put-and-delete-in-one-request", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'}}},'DeleteRequest':{'Key':{'pk':{'S':'b'}}}}]}}"));
        yield return Case("batch-write-missing-key", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'v':{'S':'a'}}}}]}}"));
        yield return Case("batch-write-delete-extra-key-attribute", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'DeleteRequest':{'Key':{'pk':{'S':'a'},'v':{'S':'a'}}}}]}}"));
        yield return Case("batch-write-invalid-value", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'},'v':{'SS':[]}}}}]}}"));
        yield return Case("batch-write-item-too-large", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{'Item':{'pk':{'S':'a'},'v':{'S':'" + new string('x', 400 * 1024) + "'}}}}]}}"));
        yield return Case("batch-write-bad-table-name", Op("BatchWriteItem", Puts(1, "ab")));
        yield return Case("batch-write-no-item", HashTable, Op("BatchWriteItem", "{'RequestItems':{'$T':[{'PutRequest':{}}]}}"));

        // BatchGetItem
        yield return Case("batch-get", HashTable, Op("BatchWriteItem", Puts(3)), Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(4) + "]}}}"));
        yield return Case("batch-get-consistent-capacity", HashTable, Op("BatchWriteItem", Puts(3)), Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(3) + "],'ConsistentRead':true}},'ReturnConsumedCapacity':'TOTAL'}"));
        yield return Case("batch-get-projection", HashTable, Put("{'pk':{'S':'k0'},'a':{'N':'1'},'b':{'N':'2'}}"), Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "],'ProjectionExpression':'#b','ExpressionAttributeNames':{'#b':'b'}}}}"));
        yield return Case("batch-get-attributes-to-get", HashTable, Put("{'pk':{'S':'k0'},'a':{'N':'1'},'b':{'N':'2'}}"), Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "],'AttributesToGet':['a']}}}"));
        yield return Case("batch-get-two-tables", HashTable, HashTable2, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(2) + "]},'$T2':{'Keys':[" + Keys(1) + "]}}}"));
        yield return Case("batch-get-100", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(100) + "]}}}"));
        yield return Case("batch-get-101", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(101) + "]}}}"));
        yield return Case("batch-get-101-across-tables", HashTable, HashTable2, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(51) + "]},'$T2':{'Keys':[" + Keys(50) + "]}}}"));
        yield return Case("batch-get-duplicate-keys", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "," + Keys(1) + "]}}}"));
        yield return Case("batch-get-empty", Op("BatchGetItem", "{'RequestItems':{}}"));
        yield return Case("batch-get-no-keys", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[]}}}"));
        yield return Case("batch-get-keys-missing", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{}}}"));
        yield return Case("batch-get-no-request-items", Op("BatchGetItem", "{}"));
        yield return Case("batch-get-missing-table", Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "]}}}"));
        yield return Case("batch-get-wrong-key", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[{'id':{'S':'a'}}]}}}"));
        yield return Case("batch-get-projection-and-attributes-to-get", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "],'ProjectionExpression':'a','AttributesToGet':['a']}}}"));
        yield return Case("batch-get-unused-name", HashTable, Op("BatchGetItem", "{'RequestItems':{'$T':{'Keys':[" + Keys(1) + "],'ProjectionExpression':'a','ExpressionAttributeNames':{'#b':'b'}}}}"));
        yield return Case("batch-get-bad-table-name", Op("BatchGetItem", "{'RequestItems':{'a':{'Keys':[" + Keys(1) + "]}}}"));
    }
}
