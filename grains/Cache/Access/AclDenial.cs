namespace DataTier.Cache.Access;

/// <summary>What a user was refused: the command itself, one of its keys, or one of its channels.</summary>
public enum AclDenial
{
    Command,
    Key,
    Channel,
}
