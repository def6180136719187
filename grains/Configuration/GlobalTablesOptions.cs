namespace DataTier.Configuration;

/// <summary>
/// Settings of global tables, cross-cluster replication (section <c>GlobalTables</c>): this cluster's region name,
/// and the DynamoDB endpoint of each other cluster (region) tables may have replicas in.
/// </summary>
public sealed class GlobalTablesOptions
{
    /// <summary>This cluster's region name, as replicas elsewhere know it.</summary>
    public string Region { get; set; } = "local";

    /// <summary>Each peer region's name and the URL of its DynamoDB endpoint.</summary>
    public Dictionary<string, string> Regions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The access key id requests to peer regions are signed with, when the peers check signatures.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>How often each partition prompts its shippers when it has logged writes since.</summary>
    public TimeSpan ShipInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most writes sent to a peer in one request.</summary>
    public int WritesPerBatch { get; set; } = 100;

    /// <summary>
    /// How long a deleted item's stamp (its tombstone) is kept, so that an older write arriving late cannot bring the item
    /// back; past it, such a write would. Longer than any region is expected to stay unreachable.
    /// </summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often each partition of a global table removes the tombstones older than <see cref="TombstoneRetention"/>.</summary>
    public TimeSpan TombstoneSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Region)) throw new ArgumentException("GlobalTables:Region must not be empty");
        foreach (var (name, url) in Regions)
        {
            if (name == Region) throw new ArgumentException($"GlobalTables:Regions:{name} names this cluster's own region");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"GlobalTables:Regions:{name} must be an http(s) URL, not '{url}'");
        }
        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
            throw new ArgumentException("GlobalTables:AccessKeyId and GlobalTables:SecretAccessKey are set together or not at all");
        if (ShipInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ShipInterval), "must be positive");
        if (TombstoneRetention <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TombstoneRetention), "must be positive");
        if (TombstoneSweepInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TombstoneSweepInterval), "must be positive");
        if (WritesPerBatch is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(WritesPerBatch), "must be 1 to 1000");
    }
}
