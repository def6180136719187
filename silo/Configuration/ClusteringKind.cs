namespace DataTier.Silo.Configuration;

/// <summary>How silos find each other (DESIGN.md, decision 8).</summary>
public enum ClusteringKind
{
    /// <summary>One silo, or several in one process (development).</summary>
    Localhost,

    /// <summary>A membership table in DynamoDB (section <c>Clustering:DynamoDb</c>, defaulting to the <c>Store:DynamoDb</c> connection).</summary>
    DynamoDb,

    /// <summary>Microsoft.Orleans.Clustering.Redis (section <c>Clustering:Redis</c>: ConnectionString).</summary>
    Redis,
}
