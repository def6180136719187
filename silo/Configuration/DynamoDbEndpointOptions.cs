namespace DataTier.Silo.Configuration;

/// <summary>The DynamoDB-compatible HTTP endpoint (section <c>Endpoints:DynamoDb</c>).</summary>
public sealed class DynamoDbEndpointOptions
{
    public string Url { get; set; } = "http://127.0.0.1:8000";

    /// <summary>
    /// Keep the JSON of an item that GetItem read from a partition's memory on this silo with that item, so
    /// that reading it again writes the kept bytes instead of encoding it again. The memory it takes (about
    /// the item's size again, for each item read this way while it stays in memory) is not counted in
    /// <c>Partitions:CacheBytesPerPartition</c>.
    /// </summary>
    public bool KeepItemJson { get; set; } = true;

    /// <summary>
    /// Access key ids and their secret keys. When any is given, every request must be signed (AWS Signature
    /// Version 4) with one of them; when none is, any credentials are taken.
    /// </summary>
    public Dictionary<string, string> AccessKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Access key ids and secret keys that may only read: requests signed with them may run GetItem, Query,
    /// Scan, BatchGetItem, TransactGetItems, the streams' reads and the Describe and List operations, and get
    /// AccessDeniedException for anything else. Setting any also makes signatures required.
    /// </summary>
    public Dictionary<string, string> ReadOnlyAccessKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// IAM identity-based policies of access keys, by key id: the policy document's JSON, or the path of a file holding
    /// it. A request signed with a key that has one is served only if the policy allows each action on each resource
    /// it needs. Keys without one may do everything (read-only keys, read).
    /// </summary>
    public Dictionary<string, string> Policies { get; set; } = new(StringComparer.Ordinal);

    public void Validate()
    {
        foreach (var (key, value) in Policies)
        {
            if (!AccessKeys.ContainsKey(key) && !ReadOnlyAccessKeys.ContainsKey(key))
                throw new ArgumentException($"Endpoints:DynamoDb:Policies:{key} is the policy of an access key that is not configured (Endpoints:DynamoDb:AccessKeys:{key})");
            try
            {
                DynamoDb.Access.AccessPolicy.Parse(DynamoDb.Access.PolicySource.Read(value));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Endpoints:DynamoDb:Policies:{key} {e.Message}");
            }
        }
    }
}
