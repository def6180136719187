using System.Globalization;
using System.Net;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>How one value of a policy's condition compares with one value of the request, by the test's positive form.</summary>
public static class ConditionValues
{
    public static bool Matches(ConditionTest test, string policy, string request) => Matches(test, new PolicyPattern(policy, null), request);

    /// <param name="pattern">The policy's value with its variables put in.</param>
    public static bool Matches(ConditionTest test, PolicyPattern pattern, string request)
    {
        var policy = pattern.Text;
        return test switch
        {
            ConditionTest.StringLike or ConditionTest.StringNotLike => IamPattern.Matches(policy, request, ignoreCase: false, pattern.Literal),
            ConditionTest.ArnEquals or ConditionTest.ArnLike or ConditionTest.ArnNotEquals or ConditionTest.ArnNotLike => ArnPattern.Matches(pattern, request),
            _ => Compared(test, policy, request),
        };
    }

    private static bool Compared(ConditionTest test, string policy, string request) => test switch
    {
        ConditionTest.StringEquals or ConditionTest.StringNotEquals => policy == request,
        ConditionTest.StringEqualsIgnoreCase or ConditionTest.StringNotEqualsIgnoreCase => policy.Equals(request, StringComparison.OrdinalIgnoreCase),
        ConditionTest.Bool => policy.Equals(request, StringComparison.OrdinalIgnoreCase),
        ConditionTest.IpAddress or ConditionTest.NotIpAddress =>
            IPAddress.TryParse(request, out var ip) && Network(policy) is { } network && network.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip),
        ConditionTest.NumericEquals or ConditionTest.NumericNotEquals or ConditionTest.NumericLessThan or ConditionTest.NumericLessThanEquals
            or ConditionTest.NumericGreaterThan or ConditionTest.NumericGreaterThanEquals =>
            Number(request) is { } n && Number(policy) is { } p && Compare(test, n.CompareTo(p)),
        ConditionTest.DateEquals or ConditionTest.DateNotEquals or ConditionTest.DateLessThan or ConditionTest.DateLessThanEquals
            or ConditionTest.DateGreaterThan or ConditionTest.DateGreaterThanEquals =>
            Date(request) is { } d && Date(policy) is { } q && Compare(test, d.CompareTo(q)),
        _ => false,
    };

    /// <summary>Why a policy value cannot be used with a test; null when it can.</summary>
    public static string? Problem(ConditionTest test, string value) => test switch
    {
        ConditionTest.Bool or ConditionTest.Null when value is not ("true" or "false") => "is neither true nor false",
        ConditionTest.IpAddress or ConditionTest.NotIpAddress when Network(value) is null => "is not an IP address or CIDR block",
        ConditionTest.NumericEquals or ConditionTest.NumericNotEquals or ConditionTest.NumericLessThan or ConditionTest.NumericLessThanEquals
            or ConditionTest.NumericGreaterThan or ConditionTest.NumericGreaterThanEquals when Number(value) is null => "is not a number",
        ConditionTest.DateEquals or ConditionTest.DateNotEquals or ConditionTest.DateLessThan or ConditionTest.DateLessThanEquals
            or ConditionTest.DateGreaterThan or ConditionTest.DateGreaterThanEquals when Date(value) is null => "is not a date (ISO 8601, or seconds since the epoch)",
        ConditionTest.ArnEquals or ConditionTest.ArnLike or ConditionTest.ArnNotEquals or ConditionTest.ArnNotLike
            when !value.Contains("${", StringComparison.Ordinal) && !ArnPattern.IsArn(value) => "is not an ARN (arn:partition:service:region:account:resource)",
        _ => null,
    };

    /// <summary>The request's value against the policy's: equal, less or greater, as the test asks.</summary>
    private static bool Compare(ConditionTest test, int order) => test switch
    {
        ConditionTest.NumericEquals or ConditionTest.NumericNotEquals or ConditionTest.DateEquals or ConditionTest.DateNotEquals => order == 0,
        ConditionTest.NumericLessThan or ConditionTest.DateLessThan => order < 0,
        ConditionTest.NumericLessThanEquals or ConditionTest.DateLessThanEquals => order <= 0,
        ConditionTest.NumericGreaterThan or ConditionTest.DateGreaterThan => order > 0,
        _ => order >= 0,
    };

    private static IPNetwork? Network(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network;
        return IPAddress.TryParse(text, out var ip) ? new IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) : null;
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Date(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }
}
