namespace DataTier.Tables;

/// <summary>DynamoDB's table classes. The store keeps every table the same way; the class is recorded and reported, as a billing choice.</summary>
public enum TableClass
{
    STANDARD,
    STANDARD_INFREQUENT_ACCESS,
}
