using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>PutItem, GetItem and DeleteItem: attribute values, keys, limits and ReturnValues.</summary>
internal static class ItemCases
{
    private static DiffCase PutCase(string name, string item) => Case(name, HashTable, Put(item));

    private static DiffCase GetCase(string name, string body) => WithSetup(name, HashItem, Op("GetItem", body));

    public static IEnumerable<DiffCase> All()
    {
        // PutItem, valid
        yield return PutCase("put-item", "{'pk':{'S':'a'},'n':{'N':'1'}}");
        yield return PutCase("put-every-type", "{'pk':{'S':'a'},'s':{'S':'x'},'n':{'N':'-1.5e3'},'b':{'B':'AQID'},'t':{'BOOL':true},'f':{'BOOL':false},'z':{'NULL':true},'l':{'L':[{'S':'a'},{'N':'2'}]},'m':{'M':{'k':{'S':'v'}}},'ss':{'SS':['a','b']},'ns':{'NS':['1','2.50']},'bs':{'BS':['AQ==','Ag==']}}");
        yield return Case("put-then-get-every-type", HashTable,
            Put("{'pk':{'S':'a'},'s':{'S':'x'},'n':{'N':'-1.5e3'},'n2':{'N':'0.000'},'n3':{'N':'12.30'},'b':{'B':'AQID'},'t':{'BOOL':true},'z':{'NULL':true},'l':{'L':[{'S':'a'},{'N':'02'}]},'m':{'M':{'k':{'S':'v'}}},'ss':{'SS':['b','a']},'ns':{'NS':['1','2.50','-3']},'bs':{'BS':['AQ==','Ag==']}}"),
            Op("GetItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}}}"));
        yield return PutCase("put-38-digit-number", "{'pk':{'S':'a'},'n':{'N':'12345678901234567890123456789012345678'}}");
        yield return PutCase("put-largest-number", "{'pk':{'S':'a'},'n':{'N':'9.9999999999999999999999999999999999999E+125'}}");
        yield return PutCase("put-smallest-number", "{'pk':{'S':'a'},'n':{'N':'1E-130'}}");
        yield return PutCase("put-number-with-plus-sign", "{'pk':{'S':'a'},'n':{'N':'+12.30'}}");
        yield return PutCase("put-unicode", "{'pk':{'S':'\u00e9\u6f22\ud83d\ude00'},'v':{'S':'\u00fc'}}");
        yield return Case("put-replace-return-all-old", HashTable, Put("{'pk':{'S':'a'},'v':{'N':'1'}}"),
            Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'},'v':{'N':'2'}},'ReturnValues':'ALL_OLD'}"));
        yield return Case("put-new-return-all-old", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnValues':'ALL_OLD'}"));
        yield return Case("put-return-none", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnValues':'NONE'}"));
        yield return Case("put-consumed-capacity-total", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'},'v':{'S':'" + new string('x', 3000) + "'}},'ReturnConsumedCapacity':'TOTAL'}"));
        yield return Case("put-consumed-capacity-indexes", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'INDEXES'}"));
        yield return Case("put-consumed-capacity-none", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'NONE'}"));
        yield return Case("put-range-item", RangeTable, Put("{'pk':{'S':'a'},'sk':{'N':'1'}}"));

        // PutItem, invalid
        yield return Case("put-missing-table", Put("{'pk':{'S':'a'}}"));
        yield return Case("put-empty-body", Op("PutItem", "{}"));
        yield return Case("put-no-item", HashTable, Op("PutItem", "{'TableName':'$T'}"));
        yield return Case("put-no-table-name", Op("PutItem", "{'Item':{'pk':{'S':'a'}}}"));
        yield return Case("put-bad-table-name", Op("PutItem", "{'TableName':'a','Item':{'pk':{'S':'a'}}}"));
        yield return PutCase("put-missing-key", "{'v':{'S':'a'}}");
        yield return PutCase("put-wrong-key-type", "{'pk':{'N':'1'}}");
        yield return PutCase("put-key-of-type-bool", "{'pk':{'BOOL':true}}");
        yield return Case("put-missing-range-key", RangeTable, Put("{'pk':{'S':'a'}}"));
        yield return Case("put-wrong-range-key-type", RangeTable, Put("{'pk':{'S':'a'},'sk':{'S':'1'}}"));
        yield return PutCase("put-empty-string-key", "{'pk':{'S':''}}");
        yield return Case("put-empty-number-range-key", RangeTable, Put("{'pk':{'S':'a'},'sk':{'N':''}}"));
        yield return PutCase("put-empty-binary-key", "{'pk':{'B':''}}");
        yield return PutCase("put-empty-attribute-value", "{'pk':{'S':'a'},'v':{}}");
        yield return PutCase("put-two-types", "{'pk':{'S':'a'},'v':{'S':'a','N':'1'}}");
        yield return PutCase("put-unknown-type-only", "{'pk':{'S':'a'},'v':{'X':'a'}}");
        yield return PutCase("put-null-false", "{'pk':{'S':'a'},'v':{'NULL':false}}");
        yield return PutCase("put-empty-string-set", "{'pk':{'S':'a'},'v':{'SS':[]}}");
        yield return PutCase("put-empty-number-set", "{'pk':{'S':'a'},'v':{'NS':[]}}");
        yield return PutCase("put-empty-binary-set", "{'pk':{'S':'a'},'v':{'BS':[]}}");
        yield return PutCase("put-duplicate-strings-in-set", "{'pk':{'S':'a'},'v':{'SS':['x','y','x']}}");
        yield return PutCase("put-duplicate-numbers-in-set", "{'pk':{'S':'a'},'v':{'NS':['1','2','1']}}");
        yield return PutCase("put-equal-numbers-in-set", "{'pk':{'S':'a'},'v':{'NS':['1','1.0']}}");
        yield return PutCase("put-duplicate-binaries-in-set", "{'pk':{'S':'a'},'v':{'BS':['AQ==','AQ==']}}");
        yield return PutCase("put-empty-set-in-map", "{'pk':{'S':'a'},'m':{'M':{'x':{'SS':[]}}}}");
        yield return PutCase("put-empty-set-in-list", "{'pk':{'S':'a'},'l':{'L':[{'NS':[]}]}}");
        yield return PutCase("put-39-digit-number", "{'pk':{'S':'a'},'n':{'N':'123456789012345678901234567890123456789'}}");
        yield return PutCase("put-number-overflow", "{'pk':{'S':'a'},'n':{'N':'1E+126'}}");
        yield return PutCase("put-number-underflow", "{'pk':{'S':'a'},'n':{'N':'1E-131'}}");
        yield return PutCase("put-number-not-numeric", "{'pk':{'S':'a'},'n':{'N':'abc'}}");
        yield return PutCase("put-number-empty", "{'pk':{'S':'a'},'n':{'N':''}}");
        yield return PutCase("put-number-in-set-not-numeric", "{'pk':{'S':'a'},'n':{'NS':['1','x']}}");
        yield return PutCase("put-number-as-json-number", "{'pk':{'S':'a'},'n':{'N':1}}");
        yield return PutCase("put-string-as-json-number", "{'pk':{'S':'a'},'s':{'S':1}}");
        yield return PutCase("put-bool-as-string", "{'pk':{'S':'a'},'b':{'BOOL':'yes'}}");
        yield return PutCase("put-binary-not-base64", "{'pk':{'S':'a'},'b':{'B':'abc'}}");
        yield return PutCase("put-list-not-a-list", "{'pk':{'S':'a'},'l':{'L':{'S':'a'}}}");
        yield return PutCase("put-map-not-a-map", "{'pk':{'S':'a'},'m':{'M':[]}}");
        yield return PutCase("put-item-not-a-map", "[]");
        yield return PutCase("put-value-not-an-object", "{'pk':'a'}");
        yield return PutCase("put-item-too-large", "{'pk':{'S':'a'},'v':{'S':'" + new string('x', 400 * 1024) + "'}}");
        yield return PutCase("put-item-just-fits", "{'pk':{'S':'a'},'v':{'S':'" + new string('x', 400 * 1024 - 6) + "'}}");
        yield return PutCase("put-partition-key-too-large", "{'pk':{'S':'" + new string('k', 2049) + "'}}");
        yield return PutCase("put-partition-key-largest", "{'pk':{'S':'" + new string('k', 2048) + "'}}");
        yield return Case("put-sort-key-too-large", RangeTable, Op("CreateTable", "{'TableName':'$T2','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'BillingMode':'PAY_PER_REQUEST'}"),
            Op("PutItem", "{'TableName':'$T2','Item':{'pk':{'S':'a'},'sk':{'S':'" + new string('s', 1025) + "'}}}"));
        yield return Case("put-return-values-all-new", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnValues':'ALL_NEW'}"));
        yield return Case("put-return-values-updated-old", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnValues':'UPDATED_OLD'}"));
        yield return Case("put-return-values-unknown", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnValues':'SOME'}"));
        yield return Case("put-consumed-capacity-unknown", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'ALL'}"));
        yield return Case("put-return-item-collection-metrics-unknown", HashTable, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}},'ReturnItemCollectionMetrics':'ALL'}"));

        // GetItem
        yield return GetCase("get-item", "{'TableName':'$T','Key':{'pk':{'S':'a'}}}");
        yield return GetCase("get-absent-item", "{'TableName':'$T','Key':{'pk':{'S':'nothing'}}}");
        yield return GetCase("get-consistent-with-capacity", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ConsistentRead':true,'ReturnConsumedCapacity':'TOTAL'}");
        yield return GetCase("get-eventually-consistent-capacity", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'TOTAL'}");
        yield return GetCase("get-absent-with-capacity", "{'TableName':'$T','Key':{'pk':{'S':'zz'}},'ReturnConsumedCapacity':'INDEXES'}");
        yield return GetCase("get-projection", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n, m.k, m.l[1], nothing'}");
        yield return GetCase("get-projection-with-names", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'#n, #m.#k','ExpressionAttributeNames':{'#n':'n','#m':'m','#k':'k'}}");
        yield return GetCase("get-attributes-to-get", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'AttributesToGet':['n','ss']}");
        yield return GetCase("get-missing-table", "{'TableName':'$T2','Key':{'pk':{'S':'a'}}}");
        yield return GetCase("get-no-key", "{'TableName':'$T'}");
        yield return GetCase("get-empty-body", "{}");
        yield return GetCase("get-empty-key", "{'TableName':'$T','Key':{}}");
        yield return GetCase("get-wrong-key-type", "{'TableName':'$T','Key':{'pk':{'N':'1'}}}");
        yield return GetCase("get-wrong-key-name", "{'TableName':'$T','Key':{'id':{'S':'a'}}}");
        yield return GetCase("get-extra-key-attribute", "{'TableName':'$T','Key':{'pk':{'S':'a'},'x':{'S':'b'}}}");
        yield return GetCase("get-empty-string-key", "{'TableName':'$T','Key':{'pk':{'S':''}}}");
        yield return WithSetup("get-missing-range-key", RangeItems, Op("GetItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}}}"));
        yield return WithSetup("get-range-item", RangeItems, Op("GetItem", "{'TableName':'$T','Key':{'pk':{'S':'a'},'sk':{'N':'2'}}}"));
        yield return WithSetup("get-range-item-other-number-form", RangeItems, Op("GetItem", "{'TableName':'$T','Key':{'pk':{'S':'a'},'sk':{'N':'2.00'}}}"));
        yield return GetCase("get-projection-reserved-word", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'name'}");
        yield return GetCase("get-projection-syntax-error", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n,'}");
        yield return GetCase("get-projection-empty", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':''}");
        yield return GetCase("get-projection-undefined-name", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'#x'}");
        yield return GetCase("get-projection-unused-name", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n','ExpressionAttributeNames':{'#x':'x'}}");
        yield return GetCase("get-projection-overlapping-paths", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'m, m.k'}");
        yield return GetCase("get-projection-conflicting-paths", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'m.k, m[0]'}");
        yield return GetCase("get-projection-same-path-twice", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n, n'}");
        yield return GetCase("get-names-without-expression", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ExpressionAttributeNames':{'#n':'n'}}");
        yield return GetCase("get-names-empty", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n','ExpressionAttributeNames':{}}");
        yield return GetCase("get-names-bad-key", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ProjectionExpression':'n','ExpressionAttributeNames':{'n':'n'}}");
        yield return GetCase("get-attributes-to-get-and-projection", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'AttributesToGet':['n'],'ProjectionExpression':'n'}");
        yield return GetCase("get-attributes-to-get-empty", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'AttributesToGet':[]}");
        yield return GetCase("get-attributes-to-get-duplicates", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'AttributesToGet':['n','n']}");
        yield return GetCase("get-consistent-read-not-bool", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ConsistentRead':'maybe'}");

        // DeleteItem
        yield return WithSetup("delete-item-return-all-old", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ReturnValues':'ALL_OLD'}"));
        yield return WithSetup("delete-item-absent", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'zz'}},'ReturnValues':'ALL_OLD'}"));
        yield return WithSetup("delete-item-capacity", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ReturnConsumedCapacity':'TOTAL'}"));
        yield return WithSetup("delete-item-then-get", [.. HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}}}")], Op("GetItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}}}"));
        yield return WithSetup("delete-item-missing-table", HashItem, Op("DeleteItem", "{'TableName':'$T2','Key':{'pk':{'S':'a'}}}"));
        yield return WithSetup("delete-item-no-key", HashItem, Op("DeleteItem", "{'TableName':'$T'}"));
        yield return WithSetup("delete-item-wrong-key-type", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'B':'AQ=='}}}"));
        yield return WithSetup("delete-item-return-all-new", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ReturnValues':'ALL_NEW'}"));
        yield return WithSetup("delete-item-return-updated-new", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ReturnValues':'UPDATED_NEW'}"));
        yield return WithSetup("delete-item-condition-fails", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ConditionExpression':'n = :v','ExpressionAttributeValues':{':v':{'N':'2'}}}"));
        yield return WithSetup("delete-item-condition-holds", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'ConditionExpression':'n = :v','ExpressionAttributeValues':{':v':{'N':'1'}},'ReturnValues':'ALL_OLD'}"));
        yield return WithSetup("delete-item-expected-fails", HashItem, Op("DeleteItem", "{'TableName':'$T','Key':{'pk':{'S':'a'}},'Expected':{'n':{'Value':{'N':'2'}}}}"));
    }
}
