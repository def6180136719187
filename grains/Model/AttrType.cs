namespace DataTier.Model;

/// <summary>The DynamoDB attribute value types, named as they appear on the wire.</summary>
public enum AttrType : byte
{
    S = 1,
    N = 2,
    B = 3,
    BOOL = 4,
    NULL = 5,
    L = 6,
    M = 7,
    SS = 8,
    NS = 9,
    BS = 10,
}
