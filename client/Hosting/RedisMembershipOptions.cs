using StackExchange.Redis;

namespace DataTier.Client.Hosting;

/// <summary>
/// Where the Redis membership table is (Microsoft.Orleans.Clustering.Redis): silos read it from
/// <c>Clustering:Redis</c>, SDK clients from <c>DataTier:RedisClustering</c>.
/// </summary>
public sealed class RedisMembershipOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis1:6379,password=…,ssl=true</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The parsed connection string; <paramref name="setting"/> names it in the error.</summary>
    public ConfigurationOptions Parse(string setting)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new InvalidOperationException($"{setting} must be set to a Redis connection string (e.g. 127.0.0.1:6379)");
        try
        {
            var parsed = ConfigurationOptions.Parse(ConnectionString);
            if (parsed.EndPoints.Count == 0) throw new ArgumentException("no endpoint");
            return parsed;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{setting} is not a valid Redis connection string (was '{ConnectionString}'): {e.Message}", e);
        }
    }
}
