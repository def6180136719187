using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace DataTier.AwsDynamoDb;

/// <summary>Builds an AWS SDK client from <see cref="DynamoDbConnectionOptions"/>.</summary>
public static class DynamoDbClients
{
    public static AmazonDynamoDBClient Create(DynamoDbConnectionOptions options)
    {
        var config = new AmazonDynamoDBConfig { Timeout = options.RequestTimeout, MaxErrorRetry = 4 };
        if (options.ServiceUrl is { } url)
        {
            // With SDK v4 a ServiceURL must not be combined with RegionEndpoint; the region only signs.
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (options.Region is { Length: > 0 } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return options.AccessKey is { } key
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(key, options.SecretKey), config)
            : new AmazonDynamoDBClient(config);
    }
}
