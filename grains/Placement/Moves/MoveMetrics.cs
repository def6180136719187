using System.Diagnostics.Metrics;

namespace DataTier.Placement.Moves;

/// <summary>
/// Instruments of meter <c>DataTier</c> about placement: grains hosted on this silo
/// (<c>datatier.placement.grains</c>, by kind), moves started and completed
/// (<c>datatier.placement.moves</c>, by kind, cause and outcome) and how long a completed move took
/// (<c>datatier.placement.move.duration</c>, ms).
/// </summary>
public sealed class MoveMetrics
{
    public const string MeterName = "DataTier";

    private readonly Counter<long> _moves;
    private readonly Histogram<double> _duration;

    public MoveMetrics(IMeterFactory meters, Func<IEnumerable<Measurement<int>>> hosted)
    {
        var meter = meters.Create(MeterName);
        _moves = meter.CreateCounter<long>("datatier.placement.moves", description: "Partition and cache shard moves by kind, cause and outcome (started, completed, abandoned)");
        _duration = meter.CreateHistogram<double>("datatier.placement.move.duration", unit: "ms", description: "Time from asking a grain to move until it left this silo");
        meter.CreateObservableGauge("datatier.placement.grains", hosted, description: "Table partitions and cache shards active on this silo, by kind");
    }

    public void Started(MoveKind kind, MoveCause cause) => _moves.Add(1, Tags(kind, cause, "started"));

    public void Completed(MoveKind kind, MoveCause cause, TimeSpan duration)
    {
        _moves.Add(1, Tags(kind, cause, "completed"));
        _duration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("kind", Name(kind)));
    }

    public void Abandoned(MoveKind kind, MoveCause cause) => _moves.Add(1, Tags(kind, cause, "abandoned"));

    public static string Name(MoveKind kind) => kind switch
    {
        MoveKind.Partition => "partition",
        MoveKind.PartitionReplica => "partition_replica",
        _ => "cache_shard",
    };

    private static System.Diagnostics.TagList Tags(MoveKind kind, MoveCause cause, string outcome) =>
        new() { { "kind", Name(kind) }, { "cause", cause == MoveCause.Rebalance ? "rebalance" : "hand_off" }, { "outcome", outcome } };
}
