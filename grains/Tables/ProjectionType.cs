namespace DataTier.Tables;

/// <summary>Which attributes a secondary index holds besides the keys of the table and the index.</summary>
public enum ProjectionType
{
    ALL,
    KEYS_ONLY,
    INCLUDE,
}
