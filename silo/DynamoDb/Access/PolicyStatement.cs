namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One statement of an IAM identity-based policy: allows or denies the actions it lists (or, with NotAction, all but
/// those) on the resources it lists (or all but those), with IAM's wildcards.
/// </summary>
public sealed record PolicyStatement(bool Allow, IReadOnlyList<string> Actions, bool NotAction, IReadOnlyList<string> Resources, bool NotResource)
{
    public bool Applies(string action, string resource) =>
        Actions.Any(a => IamPattern.Matches(a, action, ignoreCase: true)) != NotAction
        && Resources.Any(r => IamPattern.Matches(r, resource, ignoreCase: false)) != NotResource;
}
