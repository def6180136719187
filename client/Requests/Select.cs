namespace DataTier.Client.Requests;

public enum Select
{
    ALL_ATTRIBUTES,
    ALL_PROJECTED_ATTRIBUTES,
    SPECIFIC_ATTRIBUTES,
    COUNT,
}
