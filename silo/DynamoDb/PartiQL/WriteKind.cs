namespace DataTier.Silo.DynamoDb.PartiQL;

public enum WriteKind
{
    Insert,
    Update,
    Delete,
    /// <summary>An EXISTS(SELECT ...) of a transaction.</summary>
    ConditionCheck,
}
