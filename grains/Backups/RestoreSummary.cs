namespace DataTier.Backups;

/// <summary>Where a restored table came from, as DescribeTable's RestoreSummary reports it; no backup for a point-in-time restore.</summary>
[GenerateSerializer, Immutable]
public sealed record RestoreSummary(
    [property: Id(0)] string? SourceBackupArn,
    [property: Id(1)] string SourceTableArn,
    [property: Id(2)] DateTimeOffset RestoreDateTime);
