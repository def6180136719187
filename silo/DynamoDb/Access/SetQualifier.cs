namespace DataTier.Silo.DynamoDb.Access;

/// <summary>How a condition treats a key with several values: <c>ForAllValues:</c>, <c>ForAnyValue:</c>, or neither (a single-valued key).</summary>
public enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}
