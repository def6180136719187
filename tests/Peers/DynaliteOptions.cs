namespace DataTier.Tests.Peers;

/// <summary>How to start dynalite; the defaults suit tests (in memory, tables ACTIVE at once).</summary>
public sealed record DynaliteOptions
{
    /// <summary>LevelDB directory (<c>--path</c>); null keeps everything in memory.</summary>
    public string? DataPath { get; init; }

    /// <summary>How long a new table stays CREATING (<c>--createTableMs</c>; dynalite's default is 500).</summary>
    public int CreateTableMs { get; init; }

    /// <summary>How long a deleted table stays DELETING (<c>--deleteTableMs</c>).</summary>
    public int DeleteTableMs { get; init; }

    /// <summary>How long an updated table stays UPDATING (<c>--updateTableMs</c>).</summary>
    public int UpdateTableMs { get; init; }

    /// <summary>Largest item in KB (<c>--maxItemSizeKb</c>); null keeps dynalite's default, 400 as in DynamoDB.</summary>
    public int? MaxItemSizeKb { get; init; }

    /// <summary>The region in table ARNs (dynalite reads <c>AWS_REGION</c>); null keeps dynalite's us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>The account in table ARNs (dynalite reads <c>AWS_ACCOUNT_ID</c>, digits only); null keeps dynalite's 000000000000.</summary>
    public string? AccountId { get; init; }

    /// <summary>How long to wait for dynalite to listen.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
