using System.Globalization;
using System.Net;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// What a policy's conditions may ask of one request (IAM's request context): who signed it and from where, when, the
/// parameters DynamoDB exposes as condition keys, and per table the partition key values and attribute names it names.
/// A per-table map that is null could not be worked out; a condition on it is then unknown, so a conditioned Allow does
/// not apply and a conditioned Deny does.
/// </summary>
public sealed class AccessContext
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoTables = new Dictionary<string, IReadOnlyList<string>>();

    public string AccessKeyId { get; init; } = "";

    public IPAddress? SourceIp { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public bool SecureTransport { get; init; }

    /// <summary>dynamodb:Select, dynamodb:ReturnValues and dynamodb:ReturnConsumedCapacity, when the request has them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? LeadingKeys { get; init; } = NoTables;

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes { get; init; } = NoTables;

    /// <summary>The values of a condition key for a resource of <paramref name="table"/>: empty when the request has none, null when unknown.</summary>
    public IReadOnlyList<string>? ValuesOf(string key, string? table) => key switch
    {
        ConditionKeys.LeadingKeys => PerTable(LeadingKeys, table),
        ConditionKeys.Attributes => PerTable(Attributes, table),
        ConditionKeys.SourceIp => SourceIp is null ? [] : [SourceIp.ToString()],
        ConditionKeys.CurrentTime => [Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)],
        ConditionKeys.EpochTime => [Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)],
        ConditionKeys.SecureTransport => [SecureTransport ? "true" : "false"],
        ConditionKeys.UserName or ConditionKeys.UserId => [AccessKeyId],
        _ => Parameters.TryGetValue(key, out var value) ? [value] : [],
    };

    private static IReadOnlyList<string>? PerTable(IReadOnlyDictionary<string, IReadOnlyList<string>>? values, string? table) =>
        values is null ? null : table is not null && values.TryGetValue(table, out var list) ? list : [];
}
