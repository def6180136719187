namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One statement of an IAM identity-based policy: allows or denies the actions it lists (or, with NotAction, all but
/// those) on the resources it lists (or all but those), with IAM's wildcards, when all its conditions hold.
/// </summary>
public sealed record PolicyStatement(bool Allow, IReadOnlyList<string> Actions, bool NotAction, IReadOnlyList<string> Resources, bool NotResource,
    IReadOnlyList<PolicyCondition>? Conditions = null)
{
    /// <param name="leadingKeys">The request's partition key values on the resource; null when they could not be worked out,
    /// and then a conditioned Allow does not apply and a conditioned Deny does.</param>
    public bool Applies(string action, string resource, IReadOnlyCollection<string>? leadingKeys, string accessKeyId) =>
        Actions.Any(a => IamPattern.Matches(a, action, ignoreCase: true)) != NotAction
        && Resources.Any(r => IamPattern.Matches(r, resource, ignoreCase: false)) != NotResource
        && (Conditions is null || (leadingKeys is null ? !Allow : Conditions.All(c => c.Holds(leadingKeys, accessKeyId))));
}
