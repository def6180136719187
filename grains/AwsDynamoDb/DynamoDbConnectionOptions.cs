namespace DataTier.AwsDynamoDb;

/// <summary>
/// How to reach DynamoDB, the standard AWS way: a region and the default credential chain
/// (environment, profile, instance or pod role), or <see cref="ServiceUrl"/> for any
/// DynamoDB-compatible endpoint (DynamoDB Local, dynalite, a VPC endpoint).
/// </summary>
public class DynamoDbConnectionOptions
{
    /// <summary>Endpoint URL (<c>http://127.0.0.1:4567</c>); null for the regional AWS endpoint.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region (<c>eu-west-1</c>); with <see cref="ServiceUrl"/> only the signing region. Null: the SDK's default (AWS_REGION, profile).</summary>
    public string? Region { get; set; }

    /// <summary>Access key; null uses the default credential chain (AWS_ACCESS_KEY_ID, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key, with <see cref="AccessKey"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Prefix of the backing tables' names, so several deployments can share an account.</summary>
    public string TablePrefix { get; set; } = "datatier-";

    /// <summary>Create missing backing tables (on-demand capacity) at start; off when they are provisioned by other means.</summary>
    public bool CreateTables { get; set; } = true;

    /// <summary>Timeout of each request to DynamoDB.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Problems with these settings, each naming the setting under <paramref name="section"/>; empty when valid.</summary>
    public virtual IEnumerable<string> Problems(string section)
    {
        if (ServiceUrl is not null && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https")))
            yield return $"{section}:ServiceUrl must be an absolute http or https URL (was '{ServiceUrl}')";
        if (ServiceUrl is null && string.IsNullOrWhiteSpace(Region) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")))
            yield return $"{section}:Region (or {section}:ServiceUrl, or AWS_REGION) must be set";
        if ((AccessKey is null) != (SecretKey is null))
            yield return $"{section}:AccessKey and {section}:SecretKey must be set together";
        if (TablePrefix is null || TablePrefix.Length > 200 || TablePrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            yield return $"{section}:TablePrefix may hold only letters, digits, '_', '-' and '.' (at most 200)";
        if (RequestTimeout <= TimeSpan.Zero)
            yield return $"{section}:RequestTimeout must be positive";
    }
}
