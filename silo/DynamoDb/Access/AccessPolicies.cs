using System.Text.Json;
using DataTier.Errors;
using DataTier.Silo.Configuration;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The IAM policies of access keys (<c>Endpoints:DynamoDb:Policies</c>): a request signed with a key that has one is
/// served only if the policy allows every action on every resource the request needs (<see cref="RequestedAccess"/>);
/// otherwise AccessDeniedException in IAM's words. Keys without a policy may do everything (or, read-only keys, read).
/// </summary>
public sealed class AccessPolicies(IOptions<DynamoDbEndpointOptions> options, Client.ITableClient tables, TimeProvider time)
{
    private readonly Dictionary<string, AccessPolicy> _policies = options.Value.Policies
        .ToDictionary(p => p.Key, p => AccessPolicy.Parse(PolicySource.Read(p.Value)), StringComparer.Ordinal);

    public bool Any => _policies.Count > 0;

    /// <param name="source">Where the request came from (aws:SourceIp).</param>
    /// <param name="secure">Whether it came over TLS (aws:SecureTransport).</param>
    public async ValueTask AuthorizeAsync(string accessKeyId, string operation, JsonElement root, System.Net.IPAddress? source = null, bool secure = false)
    {
        if (!_policies.TryGetValue(accessKeyId, out var policy)) return;
        var context = new AccessContext
        {
            AccessKeyId = accessKeyId,
            SourceIp = source is { IsIPv4MappedToIPv6: true } ? source.MapToIPv4() : source,
            SecureTransport = secure,
            Now = time.GetUtcNow(),
            Parameters = RequestAttributes.Parameters(operation, root),
            LeadingKeys = policy.Tests(ConditionKeys.LeadingKeys) ? await LeadingKeys.OfAsync(operation, root, tables) : null,
            Attributes = policy.Tests(ConditionKeys.Attributes) ? RequestAttributes.Of(operation, root) : null,
        };
        foreach (var need in RequestedAccess.Of(operation, root))
        {
            var decision = policy.Decide(need.Action, need.Resource, context);
            if (decision != AccessDecision.Allowed) throw Denied(accessKeyId, need.Action, need.Resource, decision == AccessDecision.ExplicitDeny);
        }
    }

    /// <summary>AWS's refusal, in IAM's words.</summary>
    public static DynamoException Denied(string accessKeyId, string action, string resource, bool explicitDeny) =>
        new(DynamoErrorCode.AccessDeniedException,
            $"User: arn:aws:iam::000000000000:user/{accessKeyId} is not authorized to perform: {action} on resource: {resource} "
            + (explicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action"));
}
