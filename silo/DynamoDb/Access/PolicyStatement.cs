namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One statement of an IAM identity-based policy: allows or denies the actions it lists (or, with NotAction, all but
/// those) on the resources it lists (or all but those), with IAM's wildcards, when all its conditions hold.
/// </summary>
public sealed record PolicyStatement(bool Allow, IReadOnlyList<string> Actions, bool NotAction, IReadOnlyList<string> Resources, bool NotResource,
    IReadOnlyList<PolicyCondition>? Conditions = null)
{
    /// <summary>
    /// A condition whose request values are unknown neither holds for an Allow nor fails for a Deny: an Allow then does
    /// not apply and a Deny does.
    /// </summary>
    public bool Applies(string action, string resource, AccessContext context) =>
        Actions.Any(a => IamPattern.Matches(a, action, ignoreCase: true)) != NotAction
        && Resources.Any(r => IamPattern.Matches(r, resource, ignoreCase: false)) != NotResource
        && (Conditions is null || Conditions.All(c => c.Holds(context, TableOf(resource)) ?? !Allow));

    /// <summary>The table an ARN names (a table's, an index's or a stream's); null for others.</summary>
    private static string? TableOf(string arn)
    {
        var at = arn.IndexOf(":table/", StringComparison.Ordinal);
        if (at < 0) return null;
        var name = arn[(at + ":table/".Length)..];
        var slash = name.IndexOf('/');
        return slash < 0 ? name : name[..slash];
    }
}
