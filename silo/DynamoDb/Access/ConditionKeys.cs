namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The condition keys a policy may test here, in IAM's spelling (keys are matched without regard to case): fixed keys, and
/// the tag families <c>aws:ResourceTag/KEY</c> and <c>aws:RequestTag/KEY</c>, whose tag key keeps the policy's spelling.
/// </summary>
public static class ConditionKeys
{
    public const string LeadingKeys = "dynamodb:LeadingKeys";
    public const string Attributes = "dynamodb:Attributes";
    public const string Select = "dynamodb:Select";
    public const string ReturnValues = "dynamodb:ReturnValues";
    public const string ReturnConsumedCapacity = "dynamodb:ReturnConsumedCapacity";
    public const string SourceIp = "aws:SourceIp";
    public const string CurrentTime = "aws:CurrentTime";
    public const string EpochTime = "aws:EpochTime";
    public const string SecureTransport = "aws:SecureTransport";
    public const string UserName = "aws:username";
    public const string UserId = "aws:userid";
    public const string PrincipalArn = "aws:PrincipalArn";
    public const string TagKeys = "aws:TagKeys";
    public const string ResourceTagPrefix = "aws:ResourceTag/";
    public const string RequestTagPrefix = "aws:RequestTag/";

    public static readonly IReadOnlyList<string> All =
        [LeadingKeys, Attributes, Select, ReturnValues, ReturnConsumedCapacity, SourceIp, CurrentTime, EpochTime, SecureTransport, UserName, UserId,
            PrincipalArn, TagKeys, ResourceTagPrefix + "TAGKEY", RequestTagPrefix + "TAGKEY"];

    private static readonly string[] Fixed =
        [LeadingKeys, Attributes, Select, ReturnValues, ReturnConsumedCapacity, SourceIp, CurrentTime, EpochTime, SecureTransport, UserName, UserId, PrincipalArn, TagKeys];

    /// <summary>The canonical spelling of a supported key; null for any other.</summary>
    public static string? Canonical(string key)
    {
        foreach (var prefix in (ReadOnlySpan<string>)[ResourceTagPrefix, RequestTagPrefix])
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return key.Length - prefix.Length is >= 1 and <= 128 ? prefix + key[prefix.Length..] : null;
        return Fixed.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Keys with several values in one request, which IAM tests with ForAllValues: or ForAnyValue:.</summary>
    public static bool IsMultivalued(string key) => key is LeadingKeys or Attributes or TagKeys;

    /// <summary>Keys whose values are ARNs, which the ARN operators compare.</summary>
    public static bool IsArn(string key) => key is PrincipalArn;
}
