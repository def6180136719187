using System.Text;
using System.Text.Json;
using DataTier.Silo.Configuration;
using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>IAM identity-based policies of access keys: wildcards, IAM's evaluation order, what a request needs, and refused documents.</summary>
public sealed class AccessPolicyTests
{
    private const string Table = "arn:aws:dynamodb:local:000000000000:table/Music";

    [Theory]
    [InlineData("dynamodb:Get*", "dynamodb:GetItem", true)]
    [InlineData("DynamoDB:getitem", "dynamodb:GetItem", true)]
    [InlineData("dynamodb:*Item", "dynamodb:GetItems", false)]
    [InlineData("dynamodb:*Item", "dynamodb:PutItem", true)]
    [InlineData("dynamodb:?etItem", "dynamodb:GetItem", true)]
    [InlineData("dynamodb:?etItem", "dynamodb:GettItem", false)]
    [InlineData("*", "application-autoscaling:DescribeScalableTargets", true)]
    [InlineData("dynamodb:Query", "dynamodb:Query2", false)]
    public void Actions_match_with_wildcards_and_without_case(string pattern, string action, bool matches) =>
        Assert.Equal(matches, IamPattern.Matches(pattern, action, ignoreCase: true));

    [Theory]
    [InlineData("arn:aws:dynamodb:*:*:table/Music", Table, true)]
    [InlineData("arn:aws:dynamodb:*:*:table/Music", Table + "/index/by-year", false)]
    [InlineData("arn:aws:dynamodb:*:*:table/Music*", Table + "/index/by-year", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/music", Table, false)]
    [InlineData("arn:aws:dynamodb:*:*:table/*/index/*", Table + "/index/by-year", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*/index/*", Table, false)]
    [InlineData("*a*b*c", "xxaxxbxxc", true)]
    [InlineData("*a*b*c", "xxaxxcxxb", false)]
    [InlineData("a**", "a", true)]
    public void Resources_match_with_wildcards_and_with_case(string pattern, string resource, bool matches) =>
        Assert.Equal(matches, IamPattern.Matches(pattern, resource, ignoreCase: false));

    [Fact]
    public void An_explicit_deny_wins_and_what_no_statement_allows_is_denied()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "arn:aws:dynamodb:*:*:table/Music*" },
                { "Effect": "Deny", "NotAction": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:*:*:table/Music/index/*" },
                { "Effect": "Allow", "Action": "dynamodb:ListTables", "NotResource": "arn:aws:dynamodb:*:*:table/*" } ] }
            """);
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:PutItem", Table));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Query", Table + "/index/by-year"));
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:Scan", Table + "/index/by-year"));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:PutItem", "arn:aws:dynamodb:local:000000000000:table/Other"));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:ListTables", "*"));
    }

    [Theory]
    [InlineData("""{ "Statement": [] }""", "has no Statement")]
    [InlineData("""{ "Version": "2012-10-17" }""", "has no Statement")]
    [InlineData("""{ "Statement": { "Effect": "Permit", "Action": "*", "Resource": "*" } }""", "Effect is neither Allow nor Deny")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "NotAction": "x", "Resource": "*" } }""", "exactly one of Action and NotAction")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*" } }""", "exactly one of Resource and NotResource")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": 3, "Resource": "*" } }""", "Action is neither a string nor a list of strings")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Principal": "*" } }""", "has a Statement with Principal: an identity-based policy names no principal")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "NotPrincipal": { "AWS": "*" } } }""", "has a Statement with NotPrincipal: an identity-based policy names no principal")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Audience": "x" } }""", "has a Statement with Audience, which is not supported here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "dynamodb:LeadingKeys": "a" } } } }""", "on dynamodb:LeadingKeys, which has several values: it needs ForAllValues: or ForAnyValue:")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "dynamodb:Select": "COUNT" } } } }""", "on dynamodb:Select, which has one value")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalTag/team": "a" } } } }""", "Condition on aws:PrincipalTag/team, which is not served here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "dynamodb:ResourceTag/team": "a" } } } }""", "Condition on dynamodb:ResourceTag/team, which is not served here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/": "a" } } } }""", "Condition on aws:ResourceTag/, which is not served here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "ArnLike": { "aws:SourceArn": "a" } } } }""", "Condition on aws:SourceArn, which is not served here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "BinaryEquals": { "aws:username": "YQ==" } } } }""", "Condition operator BinaryEquals, which is not supported here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "NullIfExists": { "dynamodb:Select": "true" } } } }""", "Condition operator NullIfExists")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.300/8" } } } }""", "whose value 10.0.0.300/8 is not an IP address or CIDR block")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "NumericLessThan": { "aws:EpochTime": "soon" } } } }""", "whose value soon is not a number")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "DateLessThan": { "aws:CurrentTime": "tomorrow" } } } }""", "whose value tomorrow is not a date")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "yes" } } } }""", "whose value yes is neither true nor false")]
    [InlineData("not json", "is not a JSON policy document")]
    public void Documents_it_cannot_honour_exactly_are_refused(string json, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => AccessPolicy.Parse(json)).Message);

    [Fact]
    public void The_silo_refuses_a_policy_that_is_invalid_or_of_a_key_it_does_not_have()
    {
        var options = new DynamoDbEndpointOptions();
        options.AccessKeys["AKID"] = "secret";
        options.Policies["AKID"] = """{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*" } }""";
        options.Validate();
        options.Policies["AKIDOTHER"] = """{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*" } }""";
        Assert.Contains("AKIDOTHER is the policy of an access key that is not configured", Assert.Throws<ArgumentException>(options.Validate).Message);
        options.Policies.Remove("AKIDOTHER");
        options.Policies["AKID"] = "/no/such/policy.json";
        Assert.StartsWith("Endpoints:DynamoDb:Policies:AKID is neither a JSON policy document nor a file", Assert.Throws<ArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void A_condition_on_leading_keys_holds_by_IAMs_set_operators_and_fails_closed_when_the_keys_are_unknown()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*",
                  "Condition": { "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["${aws:username}", "shared"] } } },
                { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*",
                  "Condition": { "ForAnyValue:StringLike": { "dynamodb:LeadingKeys": "locked-*" } } } ] }
            """);
        Assert.True(policy.Tests(ConditionKeys.LeadingKeys));
        Assert.False(policy.Tests(ConditionKeys.Attributes));
        AccessContext Keys(params string[]? keys) => new() { AccessKeyId = "AKIDANN", LeadingKeys = keys is null ? null : new Dictionary<string, IReadOnlyList<string>> { ["Music"] = keys } };
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:GetItem", Table, Keys("AKIDANN")));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:BatchGetItem", Table, Keys("AKIDANN", "shared")));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:BatchGetItem", Table, Keys("AKIDANN", "AKIDBOB")));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Scan", Table, Keys()));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:GetItem", Table, Keys(null)));
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Table, Keys("shared", "locked-1")));
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Table, Keys(null)));
        // Another table's keys are not this table's.
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:DeleteItem", Table, new AccessContext
            { AccessKeyId = "AKIDANN", LeadingKeys = new Dictionary<string, IReadOnlyList<string>> { ["Music"] = ["shared"], ["Other"] = ["locked-1"] } }));
    }

    /// <summary>The request context of a request as the endpoint builds it (without the leading keys, which need the table's schema).</summary>
    private static AccessContext ContextOf(string operation, string json, string? source = "127.0.0.1", DateTimeOffset? now = null, bool secure = false)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new AccessContext
        {
            AccessKeyId = "AKIDANN",
            SourceIp = source is null ? null : System.Net.IPAddress.Parse(source),
            Now = now ?? DateTimeOffset.UtcNow,
            SecureTransport = secure,
            Parameters = RequestAttributes.Parameters(operation, root),
            Attributes = RequestAttributes.Of(operation, root),
        };
    }

    [Fact]
    public void A_policy_limited_to_some_attributes_allows_reads_that_project_them_and_writes_that_name_only_them()
    {
        // AWS's documented pattern: the attributes, a Select that projects, and no ReturnValues that would return others.
        var policy = AccessPolicy.Parse("""
            { "Statement": { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems"],
              "Resource": "*",
              "Condition": {
                "ForAllValues:StringEquals": { "dynamodb:Attributes": ["Artist", "SongTitle", "Year"] },
                "StringEqualsIfExists": { "dynamodb:Select": "SPECIFIC_ATTRIBUTES", "dynamodb:ReturnValues": ["NONE", "UPDATED_OLD", "UPDATED_NEW"] } } } }
            """);
        AccessDecision Decide(string operation, string json, string? action = null) => policy.Decide(action ?? "dynamodb:" + operation, Table, ContextOf(operation, json));
        Assert.Equal(AccessDecision.Allowed, Decide("GetItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"}},"ProjectionExpression":"#y, SongTitle","ExpressionAttributeNames":{"#y":"Year"}}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("GetItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"}},"AttributesToGet":["Year"]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"}}}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"}},"ProjectionExpression":"Year, Price"}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("Query", """{"TableName":"Music","KeyConditionExpression":"Artist = :a","ExpressionAttributeValues":{":a":{"S":"x"}},"ProjectionExpression":"SongTitle"}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("Query", """{"TableName":"Music","KeyConditionExpression":"Artist = :a","ExpressionAttributeValues":{":a":{"S":"x"}},"Select":"ALL_ATTRIBUTES"}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("BatchGetItem", """{"RequestItems":{"Music":{"Keys":[{"Artist":{"S":"a"}}],"ProjectionExpression":"Year"},"Other":{"Keys":[{"Id":{"S":"b"}}]}}}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("PutItem", """{"TableName":"Music","Item":{"Artist":{"S":"a"},"SongTitle":{"S":"b"}}}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("PutItem", """{"TableName":"Music","Item":{"Artist":{"S":"a"},"Price":{"N":"1"}}}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("UpdateItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"},"SongTitle":{"S":"b"}},"UpdateExpression":"SET #y = :y","ExpressionAttributeNames":{"#y":"Year"},"ExpressionAttributeValues":{":y":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("UpdateItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"},"SongTitle":{"S":"b"}},"UpdateExpression":"SET #y = :y","ExpressionAttributeNames":{"#y":"Year"},"ExpressionAttributeValues":{":y":{"N":"1"}},"ReturnValues":"ALL_NEW"}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("UpdateItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"},"SongTitle":{"S":"b"}},"UpdateExpression":"REMOVE Price.amount"}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"Music","Item":{"Artist":{"S":"a"}}}},{"Update":{"TableName":"Music","Key":{"Artist":{"S":"a"}},"UpdateExpression":"SET Price = :p","ExpressionAttributeValues":{":p":{"N":"1"}}}}]}""", "dynamodb:UpdateItem"));
        // A request whose expression cannot be read has unknown attributes: the conditioned Allow does not apply.
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", """{"TableName":"Music","Key":{"Artist":{"S":"a"}},"ProjectionExpression":"Year,,"}"""));
    }

    [Fact]
    public void Conditions_on_where_and_when_a_request_comes_hold_by_IAMs_rules_for_absent_keys_and_negated_operators()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*",
                  "Condition": { "IpAddress": { "aws:SourceIp": ["10.1.0.0/16", "127.0.0.1"] }, "DateLessThan": { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } },
                { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": false } } },
                { "Effect": "Deny", "Action": "dynamodb:Scan", "Resource": "*", "Condition": { "StringNotEquals": { "dynamodb:ReturnConsumedCapacity": "NONE" } } },
                { "Effect": "Deny", "Action": "dynamodb:Query", "Resource": "*", "Condition": { "Null": { "dynamodb:ReturnConsumedCapacity": "false" } } },
                { "Effect": "Deny", "Action": "dynamodb:PutItem", "Resource": "*", "Condition": { "NumericGreaterThanEquals": { "aws:EpochTime": 1900000000 } } } ] }
            """);
        var now = DateTimeOffset.Parse("2026-11-28T12:00:00Z");
        AccessDecision Decide(string operation, string json = """{"TableName":"Music"}""", string? source = "127.0.0.1", DateTimeOffset? at = null, bool secure = false) =>
            policy.Decide("dynamodb:" + operation, Table, ContextOf(operation, json, source, at ?? now, secure));
        Assert.Equal(AccessDecision.Allowed, Decide("GetItem"));
        Assert.Equal(AccessDecision.Allowed, Decide("GetItem", source: "10.1.200.3"));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", source: "10.2.0.1"));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", source: null));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("GetItem", at: DateTimeOffset.Parse("2030-01-01T00:00:01Z")));
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("DeleteItem"));
        Assert.Equal(AccessDecision.Allowed, Decide("DeleteItem", secure: true));
        // StringNotEquals holds when the key is absent; Null asks whether it is present.
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("Scan"));
        Assert.Equal(AccessDecision.Allowed, Decide("Scan", """{"TableName":"Music","ReturnConsumedCapacity":"NONE"}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("Query"));
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("Query", """{"TableName":"Music","ReturnConsumedCapacity":"TOTAL"}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("PutItem"));
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("PutItem", at: DateTimeOffset.FromUnixTimeSeconds(1900000000)));
    }

    private static List<string> Needs(string operation, string json) =>
        RequestedAccess.Of(operation, JsonDocument.Parse(json).RootElement).Select(n => $"{n.Action} {n.Resource}").ToList();

    [Fact]
    public void A_request_needs_its_table_or_index_each_table_of_a_batch_and_each_action_of_a_transaction()
    {
        Assert.Equal([$"dynamodb:Query {Table}/index/by-year"], Needs("Query", """{"TableName":"Music","IndexName":"by-year"}"""));
        Assert.Equal(["dynamodb:ListTables *"], Needs("ListTables", "{}"));
        Assert.Equal([$"dynamodb:BatchWriteItem {Table}", "dynamodb:BatchWriteItem arn:aws:dynamodb:local:000000000000:table/Other"],
            Needs("BatchWriteItem", """{"RequestItems":{"Music":[],"Other":[]}}"""));
        Assert.Equal([$"dynamodb:PutItem {Table}", $"dynamodb:ConditionCheckItem {Table}", "dynamodb:DeleteItem arn:aws:dynamodb:local:000000000000:table/Other"],
            Needs("TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"Music"}},{"ConditionCheck":{"TableName":"Music"}},{"Delete":{"TableName":"Other"}}]}"""));
        var iterator = new DataTier.Silo.DynamoDb.Streams.ShardIterator("Music", Guid.NewGuid(), "2026-11-28T00:00:00.000", 0, 1, 0).Encode();
        Assert.Equal([$"dynamodb:GetRecords {Table}/stream/2026-11-28T00:00:00.000"], Needs("Streams.GetRecords", $$"""{"ShardIterator":"{{iterator}}"}"""));
        Assert.Equal(["application-autoscaling:DescribeScalableTargets *"], Needs("AutoScaling.DescribeScalableTargets", """{"ServiceNamespace":"dynamodb"}"""));
        Assert.Equal(["dynamodb:DescribeGlobalTable arn:aws:dynamodb::000000000000:global-table/Music"], Needs("DescribeGlobalTable", """{"GlobalTableName":"Music"}"""));
        Assert.Equal(["dynamodb:DescribeGlobalTableSettings arn:aws:dynamodb::000000000000:global-table/Music"],
            Needs("DescribeGlobalTableSettings", """{"GlobalTableName":"Music"}"""));
        Assert.Equal(["dynamodb:UpdateGlobalTableSettings arn:aws:dynamodb::000000000000:global-table/Music", $"dynamodb:UpdateGlobalTableSettings {Table}"],
            Needs("UpdateGlobalTableSettings", """{"GlobalTableName":"Music","GlobalTableProvisionedWriteCapacityUnits":5}"""));
    }
}
