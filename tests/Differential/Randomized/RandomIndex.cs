namespace DataTier.Tests.Differential.Randomized;

/// <summary>A secondary index of a random table: its key attributes with their types, and whether it is global.</summary>
public sealed record RandomIndex(string Name, string Hash, string HashType, string? Range, string? RangeType, bool Global);
