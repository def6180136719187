using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>Query and Scan: key conditions, filters, paging, Select, segments and their errors.</summary>
internal static class QueryScanCases
{
    private static DiffCase Query(string name, string members) => WithSetup(name, RangeItems, Op("Query", "{'TableName':'$T'," + members + "}"));

    private static DiffCase Scan(string name, string members) => WithSetup(name, RangeItems, Op("Scan", "{'TableName':'$T'" + (members.Length > 0 ? "," : "") + members + "}"));

    private const string PkA = "'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}";

    public static IEnumerable<DiffCase> All()
    {
        // Query, valid
        yield return Query("query-partition", PkA);
        yield return Query("query-descending", PkA + ",'ScanIndexForward':false");
        yield return Query("query-limit", PkA + ",'Limit':2");
        yield return Query("query-limit-exact", PkA + ",'Limit':3");
        yield return Query("query-exclusive-start-key", PkA + ",'ExclusiveStartKey':{'pk':{'S':'a'},'sk':{'N':'1'}}");
        yield return Query("query-count", PkA + ",'Select':'COUNT'");
        yield return Query("query-capacity", PkA + ",'ReturnConsumedCapacity':'TOTAL'");
        yield return Query("query-projection", PkA + ",'ProjectionExpression':'sk, s'");
        yield return Query("query-specific-attributes", PkA + ",'Select':'SPECIFIC_ATTRIBUTES','ProjectionExpression':'s'");
        yield return Query("query-all-attributes-and-projection", PkA + ",'Select':'ALL_ATTRIBUTES','ProjectionExpression':'s'");
        yield return Query("query-sort-less-than", "'KeyConditionExpression':'pk = :p AND sk < :s','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'3'}}");
        yield return Query("query-sort-greater-or-equal-reversed", "'KeyConditionExpression':':s <= sk AND pk = :p','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'2'}}");
        yield return Query("query-sort-between", "'KeyConditionExpression':'pk = :p AND sk BETWEEN :a AND :b','ExpressionAttributeValues':{':p':{'S':'a'},':a':{'N':'2'},':b':{'N':'3'}}");
        yield return Query("query-names", "'KeyConditionExpression':'#p = :p','ExpressionAttributeNames':{'#p':'pk'},'ExpressionAttributeValues':{':p':{'S':'a'}}");
        yield return Query("query-filter", PkA.Replace("}}", "},':n':{'N':'15'}}") + ",'FilterExpression':'n > :n'");
        yield return Query("query-filter-with-limit", PkA.Replace("}}", "},':n':{'N':'15'}}") + ",'FilterExpression':'n > :n','Limit':1");
        yield return Query("query-empty-partition", "'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'none'}}");
        yield return Query("query-key-conditions", "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]},'sk':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'1'}]}}");
        yield return Query("query-query-filter", "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},'QueryFilter':{'n':{'ComparisonOperator':'GE','AttributeValueList':[{'N':'20'}]}}");
        yield return Query("query-attributes-to-get", "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},'AttributesToGet':['s']");

        // AWS counts characters, not UTF-8 bytes (dynalite's size() test, checked against DynamoDB, has 'abÿ' of size 3)
        yield return WithSetup("scan-size-of-multibyte-string", [.. RangeItems, Put("{'pk':{'S':'c'},'sk':{'N':'1'},'s':{'S':'ab\u00ff'},'t':{'S':'\u00e9t\u00e9 \u20ac'}}")],
            Op("Scan", "{'TableName':'$T','FilterExpression':'size(s) = :three AND size(t) = :five','ExpressionAttributeValues':{':three':{'N':'3'},':five':{'N':'5'}}}"));

        // Query, invalid
        yield return Query("query-no-key-condition", "'Limit':1");
        yield return Query("query-empty-key-condition", "'KeyConditionExpression':''");
        yield return Query("query-no-partition-condition", "'KeyConditionExpression':'sk = :s','ExpressionAttributeValues':{':s':{'N':'1'}}");
        yield return Query("query-non-key-attribute", "'KeyConditionExpression':'pk = :p AND n = :n','ExpressionAttributeValues':{':p':{'S':'a'},':n':{'N':'1'}}");
        yield return Query("query-partition-not-equality", "'KeyConditionExpression':'pk > :p','ExpressionAttributeValues':{':p':{'S':'a'}}");
        yield return Query("query-or", "'KeyConditionExpression':'pk = :p OR sk = :s','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'1'}}");
        yield return Query("query-not-equal", "'KeyConditionExpression':'pk = :p AND sk <> :s','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'1'}}");
        yield return Query("query-in", "'KeyConditionExpression':'pk IN (:p)','ExpressionAttributeValues':{':p':{'S':'a'}}");
        yield return Query("query-attribute-exists", "'KeyConditionExpression':'pk = :p AND attribute_exists(sk)','ExpressionAttributeValues':{':p':{'S':'a'}}");
        yield return Query("query-begins-with-on-number", "'KeyConditionExpression':'pk = :p AND begins_with(sk, :s)','ExpressionAttributeValues':{':p':{'S':'a'},':s':{'N':'1'}}");
        yield return Query("query-two-conditions-on-sort-key", "'KeyConditionExpression':'pk = :p AND sk > :a AND sk < :b','ExpressionAttributeValues':{':p':{'S':'a'},':a':{'N':'1'},':b':{'N':'3'}}");
        yield return Query("query-wrong-value-type", "'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'N':'1'}}");
        yield return Query("query-nested-key-path", "'KeyConditionExpression':'pk.x = :p','ExpressionAttributeValues':{':p':{'S':'a'}}");
        yield return Query("query-size-in-key-condition", "'KeyConditionExpression':'size(pk) = :p','ExpressionAttributeValues':{':p':{'N':'1'}}");
        yield return Query("query-filter-on-key", PkA.Replace("}}", "},':s':{'N':'1'}}") + ",'FilterExpression':'sk > :s'");
        yield return Query("query-limit-zero", PkA + ",'Limit':0");
        yield return Query("query-select-unknown", PkA + ",'Select':'SOME'");
        yield return Query("query-select-all-projected-without-index", PkA + ",'Select':'ALL_PROJECTED_ATTRIBUTES'");
        yield return Query("query-select-specific-without-projection", PkA + ",'Select':'SPECIFIC_ATTRIBUTES'");
        yield return Query("query-count-and-projection", PkA + ",'Select':'COUNT','ProjectionExpression':'s'");
        yield return Query("query-unknown-index", PkA + ",'IndexName':'nope'");
        yield return Query("query-exclusive-start-key-wrong-partition", PkA + ",'ExclusiveStartKey':{'pk':{'S':'b'},'sk':{'N':'1'}}");
        yield return Query("query-exclusive-start-key-incomplete", PkA + ",'ExclusiveStartKey':{'pk':{'S':'a'}}");
        yield return Query("query-key-conditions-and-expression", PkA + ",'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}}");
        yield return Query("query-query-filter-and-filter-expression", PkA + ",'QueryFilter':{'n':{'ComparisonOperator':'NOT_NULL'}},'FilterExpression':'attribute_exists(n)'");
        yield return Query("query-key-conditions-sort-only", "'KeyConditions':{'sk':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}");
        yield return Query("query-key-conditions-bad-operator", "'KeyConditions':{'pk':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'a'}]}}");
        yield return WithSetup("query-missing-table", RangeItems, Op("Query", "{'TableName':'$T2'," + PkA + "}"));
        yield return Query("query-unused-value", "'KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'},':x':{'S':'b'}}");
        foreach (var ordered in QueryErrorOrderCases.All()) yield return ordered;

        // Scan, valid
        yield return Scan("scan-all", "");
        yield return Scan("scan-count", "'Select':'COUNT'");
        yield return Scan("scan-filter", "'FilterExpression':'n >= :n','ExpressionAttributeValues':{':n':{'N':'10'}}");
        yield return Scan("scan-filter-on-key", "'FilterExpression':'sk = :one','ExpressionAttributeValues':{':one':{'N':'1'}}");
        yield return Scan("scan-projection", "'ProjectionExpression':'pk, s'");
        yield return Scan("scan-capacity", "'ReturnConsumedCapacity':'TOTAL'");
        yield return Scan("scan-scan-filter", "'ScanFilter':{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'t'}]}}");
        yield return Scan("scan-whole-in-one-segment", "'Segment':0,'TotalSegments':1");
        yield return Scan("scan-limit-count", "'Limit':4,'Select':'COUNT'");

        // Scan, invalid
        yield return Scan("scan-segment-without-total", "'Segment':0");
        yield return Scan("scan-total-without-segment", "'TotalSegments':2");
        yield return Scan("scan-segment-not-below-total", "'Segment':2,'TotalSegments':2");
        yield return Scan("scan-total-segments-zero", "'Segment':0,'TotalSegments':0");
        yield return Scan("scan-total-segments-too-many", "'Segment':0,'TotalSegments':1000001");
        yield return Scan("scan-segment-negative", "'Segment':-1,'TotalSegments':2");
        yield return Scan("scan-limit-zero", "'Limit':0");
        yield return Scan("scan-select-unknown", "'Select':'EVERYTHING'");
        yield return Scan("scan-select-specific-without-projection", "'Select':'SPECIFIC_ATTRIBUTES'");
        yield return Scan("scan-count-and-attributes-to-get", "'Select':'COUNT','AttributesToGet':['s']");
        yield return Scan("scan-filter-syntax-error", "'FilterExpression':'n >'");
        yield return Scan("scan-filter-and-scan-filter", "'FilterExpression':'attribute_exists(n)','ScanFilter':{'n':{'ComparisonOperator':'NOT_NULL'}}");
        yield return Scan("scan-projection-and-attributes-to-get", "'ProjectionExpression':'s','AttributesToGet':['s']");
        yield return Scan("scan-scan-filter-wrong-count", "'ScanFilter':{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'}]}}");
        yield return Scan("scan-scan-filter-type-not-allowed", "'ScanFilter':{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'BOOL':true}]}}");
        yield return Scan("scan-conditional-operator-without-filter", "'ConditionalOperator':'OR'");
        yield return Scan("scan-exclusive-start-key-not-a-key", "'ExclusiveStartKey':{'x':{'S':'a'}}");
        yield return Scan("scan-unknown-index", "'IndexName':'nope'");
        yield return WithSetup("scan-missing-table", RangeItems, Op("Scan", "{'TableName':'$T2'}"));
        yield return Scan("scan-values-without-expression", "'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Scan("scan-names-for-projection-only", "'ProjectionExpression':'#s','ExpressionAttributeNames':{'#s':'s'},'ExpressionAttributeValues':{':v':{'N':'1'}}");
    }
}
