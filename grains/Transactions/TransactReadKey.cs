using DataTier.Store;

namespace DataTier.Transactions;

/// <summary>One key of TransactGetItems, with its place in the request.</summary>
[GenerateSerializer, Immutable]
public sealed record TransactReadKey([property: Id(0)] int Index, [property: Id(1)] ItemKey Key);
