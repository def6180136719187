namespace DataTier.Silo.DynamoDb.Access;

/// <summary>What a policy says of one action on one resource, in IAM's order: an explicit deny wins over any allow, and nothing allowed is denied.</summary>
public enum AccessDecision
{
    Allowed,
    ImplicitDeny,
    ExplicitDeny,
}
