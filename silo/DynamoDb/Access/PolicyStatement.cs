namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One statement of an IAM identity-based policy: allows or denies the actions it lists (or, with NotAction, all but
/// those) on the resources it lists (or all but those), with IAM's wildcards and policy variables, when all its
/// conditions hold.
/// </summary>
public sealed record PolicyStatement(bool Allow, IReadOnlyList<string> Actions, bool NotAction, IReadOnlyList<PolicyValue> Resources, bool NotResource,
    IReadOnlyList<PolicyCondition>? Conditions = null)
{
    /// <summary>
    /// A condition whose request values are unknown neither holds for an Allow nor fails for a Deny: an Allow then does
    /// not apply and a Deny does.
    /// </summary>
    public bool Applies(string action, string resource, AccessContext context) =>
        Actions.Any(a => IamPattern.Matches(a, action, ignoreCase: true)) != NotAction
        && Resources.Any(r => Matches(r, resource, context)) != NotResource
        && (Conditions is null || Conditions.All(c => c.Holds(context, resource) ?? !Allow));

    /// <summary>A Resource whose variable has no value matches no resource.</summary>
    private static bool Matches(PolicyValue pattern, string resource, AccessContext context) =>
        pattern.Resolve(key => context.ValueOf(key, resource)) is { } resolved && IamPattern.Matches(resolved.Text, resource, ignoreCase: false, resolved.Literal);
}
