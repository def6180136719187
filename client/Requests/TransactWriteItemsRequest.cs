namespace DataTier.Client.Requests;

/// <summary>Up to 100 actions applied all or none. A repeat with the same <see cref="ClientRequestToken"/> within 10 minutes succeeds without writing again.</summary>
public sealed record TransactWriteItemsRequest
{
    public required IReadOnlyList<TransactWriteItem> TransactItems { get; init; }
    public string? ClientRequestToken { get; init; }
}
