namespace DataTier.Client.Results;

/// <summary>A committed write transaction, with the write capacity it consumed per table (twice a plain write's).</summary>
public sealed record TransactWriteItemsResult(IReadOnlyDictionary<string, double> CapacityUnitsByTable);
