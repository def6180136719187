using Orleans.Concurrency;

namespace DataTier.Recovery;

/// <summary>
/// Point-in-time recovery's work on one table (key: the table's id), one task at a time, so a fold never
/// runs under a restore's reading of the log: seeding the partitions' logs when recovery is enabled,
/// folding old records into the base image, rebuilding the table as of a moment, and dropping it all.
/// </summary>
public interface IRecoveryGrain : IGrainWithGuidKey
{
    /// <summary>Logs every item the partitions hold now, then makes the table restorable from that moment on (nothing if it already is).</summary>
    Task Seed();

    /// <summary>Makes <paramref name="horizon"/> the earliest restorable moment, then folds the records written before it into the base image.</summary>
    [OneWay]
    Task Fold(DateTimeOffset horizon);

    /// <summary>
    /// Writes the table's items as they were at <paramref name="point"/> (null: now, the latest restorable
    /// moment) under the empty id <paramref name="targetId"/>, and returns that moment;
    /// PointInTimeRecoveryUnavailableException or InvalidRestoreTimeException when the table cannot be restored to it.
    /// </summary>
    Task<DateTimeOffset> Materialize(DateTimeOffset? point, Guid targetId);

    /// <summary>Recovery was disabled: removes the logs and the base image.</summary>
    Task Drop();
}
