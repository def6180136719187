using System.Globalization;
using System.Net;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// What a policy's conditions may ask of one request (IAM's request context): who signed it and from where, when, the
/// parameters DynamoDB exposes as condition keys, the tags it carries, and per table the partition key values and
/// attribute names it names and the tags the table has. A per-table map that is null could not be worked out; a
/// condition on it is then unknown, so a conditioned Allow does not apply and a conditioned Deny does.
/// </summary>
public sealed class AccessContext
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoTables = new Dictionary<string, IReadOnlyList<string>>();
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public string AccessKeyId { get; init; } = "";

    public IPAddress? SourceIp { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public bool SecureTransport { get; init; }

    /// <summary>dynamodb:Select, dynamodb:ReturnValues and dynamodb:ReturnConsumedCapacity, when the request has them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? LeadingKeys { get; init; } = NoTables;

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes { get; init; } = NoTables;

    /// <summary>aws:ResourceTag: the tags of the tables the request needs, by table (a table missing here has none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ResourceTags { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>aws:RequestTag: the tags the request sets.</summary>
    public IReadOnlyDictionary<string, string> RequestTags { get; init; } = NoTags;

    /// <summary>aws:TagKeys: the keys of the tags the request sets or removes.</summary>
    public IReadOnlyList<string> TagKeys { get; init; } = [];

    /// <summary>The values of a condition key for <paramref name="resource"/> (an ARN): empty when the request has none, null when unknown.</summary>
    public IReadOnlyList<string>? ValuesOf(string key, string resource)
    {
        if (key.StartsWith(ConditionKeys.ResourceTagPrefix, StringComparison.Ordinal))
            return ResourceArns.TaggedTableOf(resource) is { } table && ResourceTags.TryGetValue(table, out var tags)
                ? TagValue(tags, key[ConditionKeys.ResourceTagPrefix.Length..]) : [];
        if (key.StartsWith(ConditionKeys.RequestTagPrefix, StringComparison.Ordinal))
            return TagValue(RequestTags, key[ConditionKeys.RequestTagPrefix.Length..]);
        return key switch
        {
            ConditionKeys.LeadingKeys => PerTable(LeadingKeys, ResourceArns.TableOf(resource)),
            ConditionKeys.Attributes => PerTable(Attributes, ResourceArns.TableOf(resource)),
            ConditionKeys.SourceIp => SourceIp is null ? [] : [SourceIp.ToString()],
            ConditionKeys.CurrentTime => [Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)],
            ConditionKeys.EpochTime => [Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)],
            ConditionKeys.SecureTransport => [SecureTransport ? "true" : "false"],
            ConditionKeys.UserName or ConditionKeys.UserId => [AccessKeyId],
            ConditionKeys.PrincipalArn => [IamUser.ArnOf(AccessKeyId)],
            ConditionKeys.TagKeys => TagKeys,
            _ => Parameters.TryGetValue(key, out var value) ? [value] : [],
        };
    }

    /// <summary>The value of a single-valued key, as a policy variable puts it in; null when the request has none.</summary>
    public string? ValueOf(string key, string resource) => ValuesOf(key, resource) is [var value, ..] ? value : null;

    /// <summary>A tag's value; the tag key as the policy spells it first, else without regard to case, as IAM reads condition keys.</summary>
    private static IReadOnlyList<string> TagValue(IReadOnlyDictionary<string, string> tags, string key)
    {
        if (tags.TryGetValue(key, out var value)) return [value];
        foreach (var (k, v) in tags)
            if (k.Equals(key, StringComparison.OrdinalIgnoreCase)) return [v];
        return [];
    }

    private static IReadOnlyList<string>? PerTable(IReadOnlyDictionary<string, IReadOnlyList<string>>? values, string? table) =>
        values is null ? null : table is not null && values.TryGetValue(table, out var list) ? list : [];
}
