using DataTier.Silo.DynamoDb.Access;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>IAM's ARN operators on aws:PrincipalArn: part-by-part matching, negation, IfExists, and what is refused.</summary>
public sealed class ArnConditionTests
{
    private const string Table = "arn:aws:dynamodb:local:000000000000:table/Music";

    [Theory]
    [InlineData("arn:aws:iam::000000000000:user/AKIDANN", "arn:aws:iam::000000000000:user/AKIDANN", true)]
    [InlineData("arn:aws:iam::*:user/AKID*", "arn:aws:iam::000000000000:user/AKIDANN", true)]
    [InlineData("arn:aws:iam::????????????:user/AKIDANN", "arn:aws:iam::000000000000:user/AKIDANN", true)]
    [InlineData("arn:aws:iam::?:user/AKIDANN", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    [InlineData("arn:*:iam::*:*", "arn:aws:iam::000000000000:user/AKIDANN", true)]
    [InlineData("arn:aws:iam::000000000000:user/akidann", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    [InlineData("arn:aws:iam::000000000000:role/*", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    // A wildcard never reaches into the next part, so every part must be there.
    [InlineData("arn:aws:*", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    [InlineData("*", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    [InlineData("arn:aws:iam:*:user/AKIDANN", "arn:aws:iam::000000000000:user/AKIDANN", false)]
    // The resource part is the rest, colons included.
    [InlineData("arn:aws:logs:*:*:log-group:app:*", "arn:aws:logs:eu-west-1:000000000000:log-group:app:log-stream:x", true)]
    [InlineData("arn:aws:logs:*:*:*", "arn:aws:logs:eu-west-1:000000000000:log-group:app:log-stream:x", true)]
    [InlineData("arn:aws:iam::000000000000:user/AKIDANN", "not-an-arn", false)]
    public void ARNs_match_part_by_part_with_wildcards_inside_each_part(string pattern, string arn, bool matches) =>
        Assert.Equal(matches, ArnPattern.Matches(new PolicyPattern(pattern, null), arn));

    private static AccessDecision Decide(string condition, string key = "AKIDANN") =>
        AccessPolicy.Parse($$"""{ "Statement": { "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*", "Condition": {{condition}} } }""")
            .Decide("dynamodb:GetItem", Table, new AccessContext { AccessKeyId = key });

    [Theory]
    [InlineData("""{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDANN" } }""", true)]
    [InlineData("""{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKIDANN" } }""", true)]
    [InlineData("""{ "ArnEquals": { "aws:PrincipalArn": ["arn:aws:iam::000000000000:user/AKIDBOB", "arn:aws:iam::000000000000:user/AKIDANN"] } }""", true)]
    [InlineData("""{ "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDBOB" } }""", false)]
    [InlineData("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKID*" } }""", true)]
    [InlineData("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::000000000000:role/*" } }""", false)]
    [InlineData("""{ "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDBOB" } }""", true)]
    [InlineData("""{ "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDANN" } }""", false)]
    [InlineData("""{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } }""", true)]
    [InlineData("""{ "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKID*" } }""", false)]
    [InlineData("""{ "ArnLikeIfExists": { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } }""", true)]
    [InlineData("""{ "ArnLikeIfExists": { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } }""", false)]
    [InlineData("""{ "ArnNotEqualsIfExists": { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } }""", true)]
    [InlineData("""{ "ArnEquals": { "aws:PrincipalArn": "${aws:PrincipalArn}" } }""", true)]
    [InlineData("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/${aws:username}" } }""", true)]
    [InlineData("""{ "StringLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKIDANN" } }""", true)]
    [InlineData("""{ "Null": { "aws:PrincipalArn": "false" } }""", true)]
    public void The_ARN_operators_compare_the_principal_ARN_of_the_access_key(string condition, bool allowed) =>
        Assert.Equal(allowed ? AccessDecision.Allowed : AccessDecision.ImplicitDeny, Decide(condition));

    [Fact]
    public void A_deny_with_an_ARN_condition_applies_only_when_it_holds()
    {
        var policy = AccessPolicy.Parse("""
            { "Statement": [
                { "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*" },
                { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKIDTEMP*" } } } ] }
            """);
        Assert.Equal(AccessDecision.ExplicitDeny, policy.Decide("dynamodb:DeleteItem", Table, new AccessContext { AccessKeyId = "AKIDTEMP1" }));
        Assert.Equal(AccessDecision.Allowed, policy.Decide("dynamodb:DeleteItem", Table, new AccessContext { AccessKeyId = "AKIDANN" }));
        Assert.True(policy.Tests(ConditionKeys.PrincipalArn));
    }

    [Theory]
    [InlineData("""{ "ArnLike": { "aws:username": "arn:aws:iam::*:user/*" } }""", "has a Condition ArnLike on aws:username, whose values are not ARNs: the ARN operators compare aws:PrincipalArn")]
    [InlineData("""{ "ArnEquals": { "aws:ResourceTag/owner": "arn:aws:iam::*:user/*" } }""", "whose values are not ARNs")]
    [InlineData("""{ "ForAllValues:ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } }""", "on aws:PrincipalArn, which has one value: ForAllValues: and ForAnyValue: are for keys with several")]
    [InlineData("""{ "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*" } }""", "whose value arn:aws:iam::* is not an ARN (arn:partition:service:region:account:resource)")]
    [InlineData("""{ "ArnLike": { "aws:SourceArn": "arn:aws:sns:*:*:*" } }""", "Condition on aws:SourceArn, which is not served here")]
    [InlineData("""{ "ArnLikeIfExist": { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } }""", "Condition operator ArnLikeIfExist, which is not supported here")]
    public void ARN_conditions_it_cannot_honour_are_refused(string condition, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => Decide(condition)).Message);
}
