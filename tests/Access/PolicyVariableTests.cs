using System.Net;
using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>IAM's policy variables in the values of string and ARN conditions and in Resources: keys, defaults, special characters, and missing values.</summary>
public sealed class PolicyVariableTests
{
    private const string Arn = "arn:aws:dynamodb:local:000000000000:table/";

    private static readonly AccessContext Ann = new()
    {
        AccessKeyId = "AKIDANN",
        SourceIp = IPAddress.Parse("10.1.2.3"),
        ResourceTags = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Music"] = new Dictionary<string, string> { ["owner"] = "AKIDANN", ["team"] = "blue", ["glob"] = "a*" },
            ["Other"] = new Dictionary<string, string> { ["owner"] = "AKIDBOB" },
        },
        RequestTags = new Dictionary<string, string> { ["team"] = "blue" },
    };

    private static AccessDecision Decide(string condition, string resource = Arn + "Music", AccessContext? context = null) =>
        AccessPolicy.Parse($$"""{ "Statement": { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*", "Condition": {{condition}} } }""")
            .Decide("dynamodb:GetItem", resource, context ?? Ann);

    [Theory]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/owner": "${aws:username}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/owner": "${aws:username}" } }""", Arn + "Other", false)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/owner": "${AWS:UserId}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:RequestTag/team": "${aws:ResourceTag/team}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:RequestTag/team": "${aws:ResourceTag/team}" } }""", Arn + "Other", false)]
    [InlineData("""{ "StringLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/${aws:username}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:SourceIp": "${aws:SourceIp}" } }""", Arn + "Music", true)]
    // A variable's value is no wildcard, and ${*} stands for a literal star.
    [InlineData("""{ "StringLike": { "aws:ResourceTag/glob": "a${*}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringLike": { "aws:ResourceTag/team": "${aws:ResourceTag/glob}" } }""", Arn + "Music", false)]
    [InlineData("""{ "StringLike": { "aws:ResourceTag/team": "b${?}ue" } }""", Arn + "Music", false)]
    [InlineData("""{ "StringLike": { "aws:ResourceTag/team": "b?ue" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/team": "${$}{aws:username}" } }""", Arn + "Music", false)]
    // A variable without a value: a default stands in, else the value matches nothing (and a negated operator holds).
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/team": "${aws:RequestTag/missing, 'blue'}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/team": "${aws:RequestTag/missing}" } }""", Arn + "Music", false)]
    [InlineData("""{ "StringNotEquals": { "aws:ResourceTag/team": "${aws:RequestTag/missing}" } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/team": ["${aws:RequestTag/missing}", "blue"] } }""", Arn + "Music", true)]
    [InlineData("""{ "StringEquals": { "aws:ResourceTag/team": "unclosed ${aws:username" } }""", Arn + "Music", false)]
    public void Variables_in_condition_values_stand_for_the_request_s_values(string condition, string resource, bool allowed) =>
        Assert.Equal(allowed ? AccessDecision.Allowed : AccessDecision.ImplicitDeny, Decide(condition, resource));

    [Fact]
    public void Variables_in_Resources_name_the_caller_s_own_tables_and_a_missing_one_matches_none()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": ["arn:aws:dynamodb:*:*:table/${aws:username}-*", "arn:aws:dynamodb:*:*:table/team-${aws:RequestTag/team}"] },
                { "Effect": "Allow", "Action": "dynamodb:Scan", "NotResource": "arn:aws:dynamodb:*:*:table/${aws:RequestTag/none}" } ] }
            """);
        Assert.True(policy.Tests(ConditionKeys.UserName));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:PutItem", Arn + "AKIDANN-orders", Ann));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:PutItem", Arn + "AKIDBOB-orders", Ann));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:PutItem", Arn + "team-blue", Ann));
        Assert.Equal(AccessDecision.ImplicitDeny, policy.Decide("dynamodb:PutItem", Arn + "team-blue", new AccessContext { AccessKeyId = "AKIDANN" }));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:Scan", Arn + "anything", Ann));
    }

    [Theory]
    [InlineData("""{ "NumericLessThan": { "aws:EpochTime": "${aws:EpochTime}" } }""", "whose value ${aws:EpochTime} is not a number")]
    [InlineData("""{ "Bool": { "aws:SecureTransport": "${aws:SecureTransport}" } }""", "whose value ${aws:SecureTransport} is neither true nor false")]
    [InlineData("""{ "IpAddress": { "aws:SourceIp": "${aws:SourceIp}" } }""", "whose value ${aws:SourceIp} is not an IP address")]
    public void Operators_other_than_string_and_ARN_ones_take_no_variables(string condition, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => Decide(condition)).Message);

    [Theory]
    [InlineData("""{ "StringEquals": { "aws:username": "${aws:PrincipalTag/team}" } }""", "whose value ${aws:PrincipalTag/team} has a policy variable ${aws:PrincipalTag/team}, which names no condition key served here")]
    [InlineData("""{ "StringEquals": { "aws:username": "${dynamodb:LeadingKeys}" } }""", "names a key with several values: IAM puts in only keys with one")]
    [InlineData("""{ "StringEquals": { "aws:username": "${aws:TagKeys}" } }""", "names a key with several values")]
    [InlineData("""{ "StringEquals": { "aws:username": "${aws:username, default}" } }""", "whose default value is not in single quotes")]
    public void Variables_it_cannot_put_in_are_refused(string condition, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => Decide(condition)).Message);

    [Fact]
    public void A_Resource_with_a_variable_it_cannot_put_in_is_refused() =>
        Assert.Contains("has a Resource arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/team} that has a policy variable", Assert.Throws<ArgumentException>(() =>
            AccessPolicy.Parse("""{ "Statement": { "Effect": "Allow", "Action": "*", "Resource": "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/team}" } }""")).Message);
}
