using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>
/// Which of two errors in one Query AWS reports, where dynalite's tests (checked against DynamoDB) record it: QueryFilter
/// before KeyConditions, AttributesToGet before a missing key condition, and on a global index a filter naming the index's
/// key before Select ALL_ATTRIBUTES, which comes before a filter's path into a key attribute.
/// </summary>
internal static class QueryErrorOrderCases
{
    /// <summary>$T (pk S, sk N) with the global index byG (g S, h N), projecting e only.</summary>
    private static DiffStep IndexedTable { get; } = Create(
        "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},{'AttributeName':'g','AttributeType':'S'},{'AttributeName':'h','AttributeType':'N'}]," +
        "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],'BillingMode':'PAY_PER_REQUEST'," +
        "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'},{'AttributeName':'h','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['e']}}]");

    private const string ReversedBetween = "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]},'sk':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'3'},{'N':'1'}]}}";

    private static DiffCase Query(string name, string members) => WithSetup(name, RangeItems, Op("Query", "{'TableName':'$T'," + members + "}"));

    private static DiffCase IndexQuery(string name, string members) =>
        Case(name, IndexedTable, Op("Query", "{'TableName':'$T','IndexName':'byG','Select':'ALL_ATTRIBUTES'," + members + "}"));

    public static IEnumerable<DiffCase> All()
    {
        yield return Query("query-filter-argument-count-before-key-between", ReversedBetween + ",'QueryFilter':{'n':{'ComparisonOperator':'GE','AttributeValueList':[]}}");
        yield return Query("query-filter-mixed-types-before-key-between", ReversedBetween + ",'QueryFilter':{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'S':'x'}]}}");
        yield return Query("query-filter-operand-type-before-key-between", ReversedBetween + ",'QueryFilter':{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'BOOL':true}]}}");
        yield return Query("query-filter-before-key-condition-value", "'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'},{'N':'2'}]}},'QueryFilter':{'n':{'ComparisonOperator':'NULL','AttributeValueList':[{'S':'a'}]}}");
        yield return Query("query-duplicate-attributes-to-get-before-missing-key-condition", "'AttributesToGet':['s','s']");
        yield return IndexQuery("query-index-filter-on-key-before-select", "'KeyConditions':{'g':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'a'}]}},'QueryFilter':{'h':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}");
        yield return IndexQuery("query-index-filter-expression-on-key-before-select", "'KeyConditionExpression':'g = :g','FilterExpression':'g = :g','ExpressionAttributeValues':{':g':{'S':'a'}}");
        yield return IndexQuery("query-index-select-before-filter-key-path", "'KeyConditionExpression':'g = :g','FilterExpression':'e = :n and pk.x = :g','ExpressionAttributeValues':{':g':{'S':'a'},':n':{'N':'1'}}");
    }
}
