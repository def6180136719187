namespace DataTier.Transactions;

/// <summary>Another request with the same client token committed first.</summary>
public sealed class TokenConflictException() : Exception("A transaction with the same client request token committed concurrently");
