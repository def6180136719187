namespace DataTier.Silo.Configuration;

/// <summary>The DynamoDB-compatible HTTP endpoint (section <c>Endpoints:DynamoDb</c>).</summary>
public sealed class DynamoDbEndpointOptions
{
    public string Url { get; set; } = "http://127.0.0.1:8000";
}
