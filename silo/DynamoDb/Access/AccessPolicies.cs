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
public sealed class AccessPolicies(IOptions<DynamoDbEndpointOptions> options, Client.ITableClient tables)
{
    private readonly Dictionary<string, AccessPolicy> _policies = options.Value.Policies
        .ToDictionary(p => p.Key, p => AccessPolicy.Parse(PolicySource.Read(p.Value)), StringComparer.Ordinal);

    public bool Any => _policies.Count > 0;

    public async ValueTask AuthorizeAsync(string accessKeyId, string operation, JsonElement root)
    {
        if (!_policies.TryGetValue(accessKeyId, out var policy)) return;
        var leadingKeys = policy.HasConditions ? await LeadingKeys.OfAsync(operation, root, tables) : null;
        foreach (var need in RequestedAccess.Of(operation, root))
        {
            var keys = leadingKeys is null ? null : (IReadOnlyCollection<string>?)leadingKeys.GetValueOrDefault(TableOf(need.Resource) ?? "") ?? [];
            var decision = policy.Decide(need.Action, need.Resource, keys, accessKeyId, known: !policy.HasConditions || leadingKeys is not null);
            if (decision != AccessDecision.Allowed) throw Denied(accessKeyId, need.Action, need.Resource, decision == AccessDecision.ExplicitDeny);
        }
    }

    /// <summary>The table an ARN names (a table's, an index's or a stream's); null for others.</summary>
    private static string? TableOf(string arn)
    {
        var at = arn.IndexOf(":table/", StringComparison.Ordinal);
        if (at < 0) return null;
        var name = arn[(at + ":table/".Length)..];
        var slash = name.IndexOf('/');
        return slash < 0 ? name : name[..slash];
    }

    /// <summary>AWS's refusal, in IAM's words.</summary>
    public static DynamoException Denied(string accessKeyId, string action, string resource, bool explicitDeny) =>
        new(DynamoErrorCode.AccessDeniedException,
            $"User: arn:aws:iam::000000000000:user/{accessKeyId} is not authorized to perform: {action} on resource: {resource} "
            + (explicitDeny ? "with an explicit deny in an identity-based policy" : $"because no identity-based policy allows the {action} action"));
}
