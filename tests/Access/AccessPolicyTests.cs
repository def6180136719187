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
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Principal": "*" } }""", "Principal, which is not supported here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "dynamodb:LeadingKeys": "a" } } } }""", "Condition operator StringEquals, which is not supported here")]
    [InlineData("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "dynamodb:Attributes": ["a"] } } } }""", "Condition on dynamodb:Attributes, which is not supported here")]
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
        Assert.True(policy.HasConditions);
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:GetItem", Table, ["AKIDANN"], "AKIDANN"));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:BatchGetItem", Table, ["AKIDANN", "shared"], "AKIDANN"));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:BatchGetItem", Table, ["AKIDANN", "AKIDBOB"], "AKIDANN"));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Scan", Table, [], "AKIDANN"));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:GetItem", Table, null, "AKIDANN", known: false));
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Table, ["shared", "locked-1"], "AKIDANN"));
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Table, null, "AKIDANN", known: false));
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
    }
}
