using System.Text.Json;
using DataTier.Errors;
using DataTier.Silo.Configuration;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The IAM policies of access keys (<c>Endpoints:DynamoDb:Policies</c>): a request signed with a key that has one is
/// served only if the policy allows every action on every resource the request needs (<see cref="RequestedAccess"/>);
/// otherwise AccessDeniedException in IAM's words. Keys without a policy may do everything (or, read-only keys, read).
/// </summary>
public sealed class AccessPolicies(IOptions<DynamoDbEndpointOptions> options, IGrainFactory grains, TableTags tags, TimeProvider time)
{
    private readonly Dictionary<string, AccessPolicy> _policies = options.Value.Policies
        .ToDictionary(p => p.Key, p => AccessPolicy.Parse(PolicySource.Read(p.Value)), StringComparer.Ordinal);

    public bool Any => _policies.Count > 0;

    /// <param name="source">Where the request came from (aws:SourceIp).</param>
    /// <param name="secure">Whether it came over TLS (aws:SecureTransport).</param>
    public async ValueTask AuthorizeAsync(string accessKeyId, string operation, JsonElement root, System.Net.IPAddress? source = null, bool secure = false)
    {
        if (!_policies.TryGetValue(accessKeyId, out var policy)) return;
        var needs = RequestedAccess.Of(operation, root).ToList();
        var context = new AccessContext
        {
            AccessKeyId = accessKeyId,
            SourceIp = source is { IsIPv4MappedToIPv6: true } ? source.MapToIPv4() : source,
            SecureTransport = secure,
            Now = time.GetUtcNow(),
            Parameters = RequestAttributes.Parameters(operation, root),
            LeadingKeys = policy.Tests(ConditionKeys.LeadingKeys) ? await LeadingKeys.OfAsync(operation, root, DescribeAsync) : null,
            Attributes = policy.Tests(ConditionKeys.Attributes) ? RequestAttributes.Of(operation, root) : null,
            ResourceTags = policy.TestsResourceTags ? await tags.OfAsync(needs.Select(n => ResourceArns.TaggedTableOf(n.Resource))) : new Dictionary<string, IReadOnlyDictionary<string, string>>(),
            RequestTags = RequestTags.Of(operation, root),
            TagKeys = RequestTags.KeysOf(operation, root),
        };
        foreach (var need in needs)
        {
            var decision = policy.Decide(need.Action, need.Resource, context);
            if (decision != AccessDecision.Allowed) throw Denied(accessKeyId, need.Action, need.Resource, decision == AccessDecision.ExplicitDeny);
        }
    }

    /// <summary>
    /// A request was served: when it changed a table's tags (or made or dropped the table), the next request reads them afresh.
    /// </summary>
    public void Served(string operation, JsonElement root)
    {
        var table = operation switch
        {
            "TagResource" or "UntagResource" => ResourceArns.TaggedTableOf(RequestJson.Text(root, "ResourceArn")),
            "CreateTable" or "DeleteTable" => RequestJson.Text(root, "TableName"),
            "RestoreTableFromBackup" or "RestoreTableToPointInTime" => RequestJson.Text(root, "TargetTableName"),
            _ => null,
        };
        if (table is not null) tags.Forget(table);
    }

    /// <summary>AWS's refusal, in IAM's words.</summary>
    public static DynamoException Denied(string accessKeyId, string action, string resource, bool explicitDeny) =>
        new(DynamoErrorCode.AccessDeniedException,
            $"User: {IamUser.ArnOf(accessKeyId)} is not authorized to perform: {action} on resource: {resource} "
            + (explicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action"));

    /// <summary>
    /// A table's key schemas, from the catalog: one grain call, not DescribeTable's statistics from every partition,
    /// and never a cached copy, so a table deleted and made anew with other keys is judged by its new ones.
    /// </summary>
    private async Task<TableDescription> DescribeAsync(string table) =>
        await grains.GetGrain<Catalog.ITableCatalogGrain>(0).Describe(table)
        ?? throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {table} not found");
}
