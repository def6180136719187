using System.Text.Json;
using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>aws:ResourceTag (a table's tags, which its indexes share), aws:RequestTag and aws:TagKeys (the tags a request sets or removes).</summary>
public sealed class TagConditionTests
{
    private const string Arn = "arn:aws:dynamodb:local:000000000000:table/";

    private static AccessContext Tagged(params (string Table, string Key, string Value)[] tags) => new()
    {
        AccessKeyId = "AKIDANN",
        ResourceTags = tags.GroupBy(t => t.Table).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.ToDictionary(t => t.Key, t => t.Value)),
    };

    [Fact]
    public void A_resource_tag_is_the_tag_of_the_table_or_of_the_index_s_table_and_no_other_resource_has_one()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/env": ["staging", "dev"] } } },
                { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*", "Condition": { "StringEqualsIgnoreCase": { "aws:ResourceTag/Locked": "TRUE" } } } ] }
            """);
        Assert.True(policy.TestsResourceTags);
        var context = Tagged(("Music", "env", "staging"), ("Music", "locked", "true"), ("Other", "env", "prod"));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:GetItem", Arn + "Music", context));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Query", Arn + "Music/index/byYear", context));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:GetItem", Arn + "Other", context));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:GetItem", Arn + "Untagged", context));
        // The tag key is matched without regard to case, as IAM reads condition keys.
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Arn + "Music", context));
        // A stream has tags of its own (none here), a backup and a global table none.
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:GetRecords", Arn + "Music/stream/2026-11-28T00:00:00.000", context));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:DescribeBackup", Arn + "Music/backup/01234567890123-abcdefgh", context));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:DescribeGlobalTable", "arn:aws:dynamodb::000000000000:global-table/Music", context));
        // Another account's or region's ARN is not this table's.
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:TagResource", "arn:aws:dynamodb:us-east-1:123456789012:table/Music", context));
    }

    [Fact]
    public void A_table_without_the_tag_fails_a_condition_on_it_unless_the_operator_is_negated_or_IfExists()
    {
        AccessDecision Decide(string condition) =>
            AccessPolicy.Parse($$"""{ "Statement": { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*", "Condition": {{condition}} } }""")
                .Decide("dynamodb:GetItem", Arn + "Music", Tagged(("Music", "env", "prod")));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("""{ "StringEquals": { "aws:ResourceTag/owner": "ann" } }"""));
        Assert.Equal(AccessDecision.Allowed, Decide("""{ "StringNotEquals": { "aws:ResourceTag/owner": "ann" } }"""));
        Assert.Equal(AccessDecision.Allowed, Decide("""{ "StringEqualsIfExists": { "aws:ResourceTag/owner": "ann" } }"""));
        Assert.Equal(AccessDecision.Allowed, Decide("""{ "Null": { "aws:ResourceTag/owner": "true", "aws:ResourceTag/env": "false" } }"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("""{ "StringNotEquals": { "aws:ResourceTag/env": "prod" } }"""));
        Assert.Equal(AccessDecision.Allowed, Decide("""{ "StringLike": { "AWS:RESOURCETAG/env": "pr*" } }"""));
    }

    private static AccessContext Requested(string operation, string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new AccessContext { AccessKeyId = "AKIDANN", RequestTags = RequestTags.Of(operation, root), TagKeys = RequestTags.KeysOf(operation, root) };
    }

    [Fact]
    public void Request_tags_and_tag_keys_are_those_TagResource_and_CreateTable_set_and_UntagResource_removes()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": ["dynamodb:TagResource", "dynamodb:CreateTable"], "Resource": "*",
                  "Condition": { "StringEquals": { "aws:RequestTag/env": ["dev", "staging"] }, "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "owner"] } } },
                { "Effect": "Allow", "Action": "dynamodb:UntagResource", "Resource": "*", "Condition": { "ForAllValues:StringLike": { "aws:TagKeys": "tmp-*" } } },
                { "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": "locked" } } } ] }
            """);
        AccessDecision Decide(string operation, string json) => policy.Decide("dynamodb:" + operation, Arn + "Music", Requested(operation, json));
        Assert.Equal(AccessDecision.Allowed, Decide("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"env","Value":"dev"},{"Key":"owner","Value":"ann"}]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"env","Value":"prod"}]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"env","Value":"dev"},{"Key":"cost","Value":"1"}]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"owner","Value":"ann"}]}"""));
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"env","Value":"dev"},{"Key":"locked","Value":"x"}]}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("CreateTable", """{"TableName":"Music","Tags":[{"Key":"env","Value":"staging"}]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("CreateTable", """{"TableName":"Music"}"""));
        Assert.Equal(AccessDecision.Allowed, Decide("UntagResource", $$"""{"ResourceArn":"{{Arn}}Music","TagKeys":["tmp-1","tmp-2"]}"""));
        Assert.Equal(AccessDecision.ImplicitDeny, Decide("UntagResource", $$"""{"ResourceArn":"{{Arn}}Music","TagKeys":["tmp-1","env"]}"""));
        Assert.Equal(AccessDecision.ExplicitDeny, Decide("UntagResource", $$"""{"ResourceArn":"{{Arn}}Music","TagKeys":["locked"]}"""));
        // UntagResource removes tags: it carries no aws:RequestTag.
        Assert.Empty(Requested("UntagResource", $$"""{"ResourceArn":"{{Arn}}Music","TagKeys":["env"]}""").RequestTags);
        Assert.Empty(Requested("PutItem", """{"TableName":"Music","Item":{"Tags":{"S":"x"}}}""").TagKeys);
    }

    [Fact]
    public void The_README_s_example_allows_items_of_staging_tables_and_tags_that_make_the_caller_the_owner()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                  "Resource": "arn:aws:dynamodb:*:*:table/*",
                  "Condition": { "StringEquals": { "aws:ResourceTag/env": "staging" } } },
                { "Effect": "Allow", "Action": ["dynamodb:TagResource", "dynamodb:CreateTable"], "Resource": "*",
                  "Condition": { "StringEquals": { "aws:RequestTag/owner": "${aws:username}" },
                                 "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "owner"] } } } ] }
            """);
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Query", Arn + "Music/index/byYear", Tagged(("Music", "env", "staging"))));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:PutItem", Arn + "Music", Tagged(("Music", "env", "prod"))));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:CreateTable", Arn + "Music",
            Requested("CreateTable", """{"TableName":"Music","Tags":[{"Key":"owner","Value":"AKIDANN"},{"Key":"env","Value":"dev"}]}""")));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:TagResource", Arn + "Music",
            Requested("TagResource", $$"""{"ResourceArn":"{{Arn}}Music","Tags":[{"Key":"owner","Value":"AKIDBOB"}]}""")));
    }

    [Theory]
    [InlineData("""{ "StringEquals": { "aws:TagKeys": "env" } }""", "on aws:TagKeys, which has several values: it needs ForAllValues: or ForAnyValue:")]
    [InlineData("""{ "ForAnyValue:StringEquals": { "aws:RequestTag/env": "dev" } }""", "on aws:RequestTag/env, which has one value")]
    public void Tag_conditions_it_cannot_honour_are_refused(string condition, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() =>
            AccessPolicy.Parse($$"""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {{condition}} } }""")).Message);

    [Fact]
    public void A_tag_key_longer_than_AWS_allows_is_no_key_served_here() =>
        Assert.Contains($"aws:ResourceTag/{new string('k', 129)}, which is not served here", Assert.Throws<ArgumentException>(() => AccessPolicy.Parse($$"""
            { "Statement": { "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/{{new string('k', 129)}}": "x" } } } }
            """)).Message);

    [Theory]
    [InlineData(Arn + "Music", "Music")]
    [InlineData(Arn + "Music/index/byYear", "Music")]
    [InlineData(Arn + "Music/stream/2026-11-28T00:00:00.000", null)]
    [InlineData(Arn + "Music/index/byYear/more", null)]
    [InlineData(Arn + "Music/index/", null)]
    [InlineData("arn:aws:dynamodb::000000000000:global-table/Music", null)]
    [InlineData("*", null)]
    public void The_tagged_table_of_a_resource_is_its_table_for_tables_and_indexes_only(string arn, string? table) =>
        Assert.Equal(table, ResourceArns.TaggedTableOf(arn));
}
