using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>UpdateItem, condition expressions and legacy parameters: valid updates and AWS's expression errors.</summary>
internal static class ExpressionCases
{
    private const string Key = "'Key':{'pk':{'S':'a'}}";

    private static DiffCase Update(string name, string members) =>
        WithSetup(name, HashItem, Op("UpdateItem", "{'TableName':'$T'," + Key + "," + members + "}"));

    private static DiffCase Condition(string name, string members) =>
        WithSetup(name, HashItem, Op("PutItem", "{'TableName':'$T','Item':{'pk':{'S':'a'}}," + members + "}"));

    public static IEnumerable<DiffCase> All()
    {
        // updates that work
        yield return Update("update-set", "'UpdateExpression':'SET n = :v, s = :s','ExpressionAttributeValues':{':v':{'N':'5'},':s':{'S':'x'}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-set-arithmetic", "'UpdateExpression':'SET n = n + :one, o = :two - n','ExpressionAttributeValues':{':one':{'N':'1'},':two':{'N':'2'}},'ReturnValues':'UPDATED_NEW'");
        yield return Update("update-remove", "'UpdateExpression':'REMOVE ss, m.k','ReturnValues':'ALL_NEW'");
        yield return Update("update-add-number", "'UpdateExpression':'ADD n :v, fresh :v','ExpressionAttributeValues':{':v':{'N':'3'}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-add-to-set", "'UpdateExpression':'ADD ss :v','ExpressionAttributeValues':{':v':{'SS':['z','x']}},'ReturnValues':'UPDATED_NEW'");
        yield return Update("update-delete-from-set", "'UpdateExpression':'DELETE ss :v','ExpressionAttributeValues':{':v':{'SS':['x']}},'ReturnValues':'UPDATED_OLD'");
        yield return Update("update-delete-whole-set", "'UpdateExpression':'DELETE ss :v','ExpressionAttributeValues':{':v':{'SS':['x','y']}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-list-append", "'UpdateExpression':'SET m.l = list_append(m.l, :v)','ExpressionAttributeValues':{':v':{'L':[{'S':'three'}]}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-if-not-exists", "'UpdateExpression':'SET n = if_not_exists(n, :z), q = if_not_exists(q, :z)','ExpressionAttributeValues':{':z':{'N':'0'}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-nested-list-element", "'UpdateExpression':'SET m.l[0] = :v, m.l[5] = :v','ExpressionAttributeValues':{':v':{'N':'9'}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-names", "'UpdateExpression':'SET #a = :v','ExpressionAttributeNames':{'#a':'name'},'ExpressionAttributeValues':{':v':{'S':'x'}},'ReturnValues':'ALL_OLD'");
        yield return Update("update-all-clauses", "'UpdateExpression':'SET a = :s REMOVE b ADD n :n DELETE ss :d','ExpressionAttributeValues':{':s':{'S':'x'},':n':{'N':'1'},':d':{'SS':['y']}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-condition-holds", "'UpdateExpression':'SET n = :v','ConditionExpression':'attribute_exists(pk) AND n < :v','ExpressionAttributeValues':{':v':{'N':'5'}},'ReturnValues':'UPDATED_OLD'");
        yield return Update("update-capacity", "'UpdateExpression':'SET n = :v','ExpressionAttributeValues':{':v':{'N':'5'}},'ReturnConsumedCapacity':'TOTAL'");
        yield return WithSetup("update-creates-item", [HashTable], Op("UpdateItem", "{'TableName':'$T','Key':{'pk':{'S':'new'}},'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'N':'1'}},'ReturnValues':'ALL_NEW'}"));
        yield return WithSetup("update-without-expression-creates-item", [HashTable], Op("UpdateItem", "{'TableName':'$T','Key':{'pk':{'S':'new'}},'ReturnValues':'ALL_NEW'}"));
        yield return Update("update-attribute-updates", "'AttributeUpdates':{'n':{'Action':'ADD','Value':{'N':'2'}},'s':{'Value':{'S':'x'}},'ss':{'Action':'DELETE'}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-return-values-unknown", "'UpdateExpression':'REMOVE n','ReturnValues':'EVERYTHING'");

        // update errors
        yield return Update("update-key-attribute", "'UpdateExpression':'SET pk = :v','ExpressionAttributeValues':{':v':{'S':'b'}}");
        yield return Update("update-remove-key-attribute", "'UpdateExpression':'REMOVE pk'");
        yield return Update("update-syntax-error", "'UpdateExpression':'SET n = ','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-unknown-clause", "'UpdateExpression':'PUT n = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-empty-expression", "'UpdateExpression':''");
        yield return Update("update-reserved-word", "'UpdateExpression':'SET name = :v','ExpressionAttributeValues':{':v':{'S':'x'}}");
        yield return Update("update-undefined-value", "'UpdateExpression':'SET n = :missing','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-no-values", "'UpdateExpression':'SET n = :v'");
        yield return Update("update-undefined-name", "'UpdateExpression':'SET #n = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-unused-value", "'UpdateExpression':'SET n = :v','ExpressionAttributeValues':{':v':{'N':'1'},':w':{'N':'2'}}");
        yield return Update("update-unused-name", "'UpdateExpression':'SET n = :v','ExpressionAttributeNames':{'#x':'x'},'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-overlapping-paths", "'UpdateExpression':'SET m = :v REMOVE m.k','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-same-path-twice", "'UpdateExpression':'SET n = :v, n = :w','ExpressionAttributeValues':{':v':{'N':'1'},':w':{'N':'2'}}");
        yield return Update("update-conflicting-paths", "'UpdateExpression':'SET m.k = :v, m[0] = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-two-set-clauses", "'UpdateExpression':'SET n = :v SET s = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-add-to-string", "'UpdateExpression':'ADD m :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-add-string-value", "'UpdateExpression':'ADD n :v','ExpressionAttributeValues':{':v':{'S':'x'}}");
        yield return Update("update-delete-number", "'UpdateExpression':'DELETE n :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-plus-on-string", "'UpdateExpression':'SET n = m + :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-list-append-non-list", "'UpdateExpression':'SET n = list_append(n, :v)','ExpressionAttributeValues':{':v':{'L':[]}}");
        yield return Update("update-unknown-function", "'UpdateExpression':'SET n = frob(n)'");
        yield return Update("update-nested-path-missing", "'UpdateExpression':'SET nothing.k = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-list-index-on-map", "'UpdateExpression':'SET m[0] = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-condition-fails", "'UpdateExpression':'SET n = :v','ConditionExpression':'n > :v','ExpressionAttributeValues':{':v':{'N':'5'}}");
        yield return Update("update-condition-fails-return-old", "'UpdateExpression':'SET n = :v','ConditionExpression':'n > :v','ExpressionAttributeValues':{':v':{'N':'5'}},'ReturnValuesOnConditionCheckFailure':'ALL_OLD'");
        yield return Update("update-expression-and-attribute-updates", "'UpdateExpression':'SET n = :v','AttributeUpdates':{'s':{'Value':{'S':'x'}}},'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-expression-and-expected", "'UpdateExpression':'SET n = :v','Expected':{'n':{'Exists':true,'Value':{'N':'1'}}},'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-attribute-updates-on-key", "'AttributeUpdates':{'pk':{'Value':{'S':'b'}}}");
        yield return Update("update-attribute-updates-empty-set", "'AttributeUpdates':{'x':{'Value':{'SS':[]}}}");
        // another type than the attribute's: AWS's words for the legacy form, in dynalite's tests
        yield return Update("update-attribute-updates-delete-other-set-type", "'AttributeUpdates':{'ss':{'Action':'DELETE','Value':{'NS':['1']}}}");
        yield return Update("update-attribute-updates-delete-binary-set-from-strings", "'AttributeUpdates':{'ss':{'Action':'DELETE','Value':{'BS':['YQ==']}}}");
        yield return Update("update-attribute-updates-delete-set-from-number", "'AttributeUpdates':{'n':{'Action':'DELETE','Value':{'NS':['1']}}}");
        yield return Update("update-attribute-updates-add-other-set-type", "'AttributeUpdates':{'ss':{'Action':'ADD','Value':{'NS':['1']}}}");
        yield return Update("update-attribute-updates-add-number-to-set", "'AttributeUpdates':{'ss':{'Action':'ADD','Value':{'N':'1'}}}");
        yield return Update("update-attribute-updates-add-number-to-bool", "'AttributeUpdates':{'s':{'Value':{'S':'x'}},'b':{'Action':'ADD','Value':{'N':'1'}}},'ReturnValues':'ALL_NEW'");
        yield return Update("update-attribute-updates-add-set-to-map", "'AttributeUpdates':{'m':{'Action':'ADD','Value':{'SS':['x']}}}");
        yield return Update("update-values-empty", "'UpdateExpression':'REMOVE n','ExpressionAttributeValues':{}");
        yield return Update("update-values-bad-key", "'UpdateExpression':'SET n = :v','ExpressionAttributeValues':{'v':{'N':'1'}}");
        yield return Update("update-values-invalid-value", "'UpdateExpression':'SET n = :v','ExpressionAttributeValues':{':v':{'SS':[]}}");
        yield return Update("update-values-without-expression", "'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Update("update-names-without-expression", "'ExpressionAttributeNames':{'#n':'n'}");
        yield return Update("update-new-item-too-large", "'UpdateExpression':'SET big = :v','ExpressionAttributeValues':{':v':{'S':'" + new string('x', 400 * 1024) + "'}}");

        // conditions on PutItem
        yield return Condition("condition-attribute-not-exists-fails", "'ConditionExpression':'attribute_not_exists(pk)'");
        yield return Condition("condition-attribute-exists-holds", "'ConditionExpression':'attribute_exists(pk)','ReturnValues':'ALL_OLD'");
        yield return Condition("condition-comparisons", "'ConditionExpression':'n = :one AND n <> :two AND n < :two AND n <= :one AND n > :zero AND n >= :one','ExpressionAttributeValues':{':zero':{'N':'0'},':one':{'N':'1'},':two':{'N':'2'}}");
        yield return Condition("condition-between-in-not-or", "'ConditionExpression':'(n BETWEEN :zero AND :two) AND n IN (:one, :two) AND NOT (n = :two) OR n = :zero','ExpressionAttributeValues':{':zero':{'N':'0'},':one':{'N':'1'},':two':{'N':'2'}}");
        yield return Condition("condition-functions", "'ConditionExpression':'attribute_type(ss, :t) AND begins_with(m.k, :p) AND contains(ss, :x) AND size(ss) = :two','ExpressionAttributeValues':{':t':{'S':'SS'},':p':{'S':'v'},':x':{'S':'x'},':two':{'N':'2'}}");
        yield return Condition("condition-fails-return-old", "'ConditionExpression':'n = :two','ExpressionAttributeValues':{':two':{'N':'2'}},'ReturnValuesOnConditionCheckFailure':'ALL_OLD'");
        yield return Condition("condition-return-on-failure-unknown", "'ConditionExpression':'n = :two','ExpressionAttributeValues':{':two':{'N':'2'}},'ReturnValuesOnConditionCheckFailure':'ALL_NEW'");
        yield return Condition("condition-syntax-error", "'ConditionExpression':'n = = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-unclosed-parenthesis", "'ConditionExpression':'(n = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-empty", "'ConditionExpression':''");
        yield return Condition("condition-reserved-word", "'ConditionExpression':'size = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-reserved-word-in-function", "'ConditionExpression':'attribute_exists(status)'");
        yield return Condition("condition-unknown-function", "'ConditionExpression':'frob(n)'");
        yield return Condition("condition-function-wrong-arity", "'ConditionExpression':'attribute_exists(n, s)'");
        yield return Condition("condition-size-compared-alone", "'ConditionExpression':'size(n)'");
        yield return Condition("condition-attribute-type-bad-type", "'ConditionExpression':'attribute_type(n, :t)','ExpressionAttributeValues':{':t':{'S':'XX'}}");
        yield return Condition("condition-undefined-value", "'ConditionExpression':'n = :nope','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-undefined-name", "'ConditionExpression':'#nope = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-unused-value", "'ConditionExpression':'attribute_exists(n)','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-unused-name", "'ConditionExpression':'attribute_exists(n)','ExpressionAttributeNames':{'#a':'a','#b':'b'}");
        yield return Condition("condition-values-only-without-expression", "'ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-value-invalid", "'ConditionExpression':'n = :v','ExpressionAttributeValues':{':v':{'N':'x'}}");
        yield return Condition("condition-comparing-two-values", "'ConditionExpression':':a = :b','ExpressionAttributeValues':{':a':{'N':'1'},':b':{'N':'1'}}");
        yield return Condition("condition-in-too-many", "'ConditionExpression':'n IN (" + string.Join(", ", Enumerable.Range(0, 101).Select(i => ":v" + i)) + ")','ExpressionAttributeValues':{" + string.Join(",", Enumerable.Range(0, 101).Select(i => "':v" + i + "':{'N':'" + i + "'}")) + "}");
        yield return Condition("condition-between-reversed", "'ConditionExpression':'n BETWEEN :b AND :a','ExpressionAttributeValues':{':a':{'N':'1'},':b':{'N':'2'}}");
        yield return Condition("condition-between-types-differ", "'ConditionExpression':'n BETWEEN :a AND :b','ExpressionAttributeValues':{':a':{'N':'1'},':b':{'S':'2'}}");
        yield return Condition("condition-nested-too-deep", "'ConditionExpression':'" + string.Concat(Enumerable.Repeat("a.", 40)) + "b = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        yield return Condition("condition-expression-and-expected", "'ConditionExpression':'attribute_exists(pk)','Expected':{'n':{'Exists':false}}");

        // legacy Expected
        yield return Condition("expected-exists-false-fails", "'Expected':{'pk':{'Exists':false}}");
        yield return Condition("expected-value-holds", "'Expected':{'n':{'Value':{'N':'1'}}},'ReturnValues':'ALL_OLD'");
        yield return Condition("expected-comparison-fails", "'Expected':{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'5'}]}}");
        yield return Condition("expected-or", "'Expected':{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'5'}]},'s':{'ComparisonOperator':'NULL'}},'ConditionalOperator':'OR'");
        yield return Condition("expected-exists-true-without-value", "'Expected':{'n':{'Exists':true}}");
        yield return Condition("expected-exists-false-with-value", "'Expected':{'n':{'Exists':false,'Value':{'N':'1'}}}");
        yield return Condition("expected-value-and-list", "'Expected':{'n':{'Value':{'N':'1'},'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}");
        yield return Condition("expected-wrong-argument-count", "'Expected':{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'}]}}");
        yield return Condition("expected-operator-without-values", "'Expected':{'n':{'ComparisonOperator':'EQ'}}");
        yield return Condition("expected-unknown-operator", "'Expected':{'n':{'ComparisonOperator':'LIKE','AttributeValueList':[{'N':'1'}]}}");
        yield return Condition("expected-list-without-operator", "'Expected':{'n':{'AttributeValueList':[{'N':'1'}]}}");
        yield return Condition("expected-exists-with-operator", "'Expected':{'n':{'Exists':true,'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}");
        yield return Condition("conditional-operator-without-expected", "'ConditionalOperator':'AND'");
        yield return Condition("conditional-operator-with-expression", "'ConditionExpression':'attribute_exists(pk)','ConditionalOperator':'OR'");
    }
}
