using DataTier.Client.Requests;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>One read of a SELECT: a Query or a Scan, without its Limit and ExclusiveStartKey, which paging sets.</summary>
public sealed record SelectRead(QueryRequest? Query, ScanRequest? Scan);
