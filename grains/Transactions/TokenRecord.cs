namespace DataTier.Transactions;

/// <summary>A client request token of a committed transaction: the hash of its request and when it committed.</summary>
public sealed record TokenRecord(long Version, string RequestHash, long CommittedAtMs);
