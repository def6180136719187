namespace DataTier.Silo.DynamoDb.Access;

/// <summary>The condition keys a policy may test here, in IAM's spelling (keys are matched without regard to case).</summary>
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

    public static readonly IReadOnlyList<string> All =
        [LeadingKeys, Attributes, Select, ReturnValues, ReturnConsumedCapacity, SourceIp, CurrentTime, EpochTime, SecureTransport, UserName, UserId];

    /// <summary>The canonical spelling of a supported key; null for any other.</summary>
    public static string? Canonical(string key) => All.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Keys with several values in one request, which IAM tests with ForAllValues: or ForAnyValue:.</summary>
    public static bool IsMultivalued(string key) => key is LeadingKeys or Attributes;
}
