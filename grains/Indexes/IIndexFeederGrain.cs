namespace DataTier.Indexes;

/// <summary>
/// Feeds one global secondary index from one base partition's internal change log (key:
/// <see cref="IndexFeedLog.FeederKey"/>): first a backfill of the items there when the index was
/// added to a populated table, then every change record in order, with a durable checkpoint, so a
/// feeder that moves or restarts after a silo loss resumes where it stopped.
/// </summary>
public interface IIndexFeederGrain : IGrainWithStringKey
{
    /// <summary>There may be new records: feed them.</summary>
    [Orleans.Concurrency.OneWay]
    Task Poke();

    /// <summary>Feeds until the log's end as it is now (finishing the backfill first); the sequence fed up to.</summary>
    Task<long> Drain();
}
