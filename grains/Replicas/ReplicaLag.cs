namespace DataTier.Replicas;

/// <summary>
/// How far one replica trails its partition's owner: the change records it knows of but has not applied,
/// and, while there are any, the milliseconds since its newest applied record was written (an upper
/// bound of how old its view is; 0 when it has applied everything it knows of).
/// </summary>
public sealed class ReplicaLag(string table)
{
    private sealed record Sample(long Applied, long KnownHead, long NewestAppliedMs);

    private Sample _sample = new(0, 0, 0);

    public string Table { get; } = table;

    /// <summary>Called by the replica after it applies records or hears of new ones; read by metric collection on other threads.</summary>
    public void Update(long applied, long knownHead, long newestAppliedMs) => Volatile.Write(ref _sample, new Sample(applied, knownHead, newestAppliedMs));

    public long RecordsBehind
    {
        get
        {
            var sample = Volatile.Read(ref _sample);
            return Math.Max(0, sample.KnownHead - sample.Applied);
        }
    }

    public long MillisecondsBehind(long nowMs)
    {
        var sample = Volatile.Read(ref _sample);
        return sample.KnownHead <= sample.Applied ? 0 : Math.Max(0, nowMs - sample.NewestAppliedMs);
    }
}
