using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataTier.Client.Triggers;

/// <summary>
/// How far triggers run behind their table's stream, in the meter <c>DataTier</c> of the process that
/// runs them (the service, or a silo): <c>datatier.trigger.lag</c>, the milliseconds from a change's
/// write to the end of its handler, by <c>table</c> and <c>trigger</c>.
/// </summary>
internal static class TriggerMetrics
{
    public const string LagInstrument = "datatier.trigger.lag";

    private static readonly Meter Meter = new("DataTier");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(LagInstrument, unit: "ms",
        description: "Time from a change's write to the end of the trigger handler that processed it");

    public static void RecordHandled(string table, string trigger, long createdMs) =>
        Lag.Record(Math.Max(0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - createdMs),
            new TagList { { "table", table }, { "trigger", trigger } });
}
