using System.Globalization;
using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Diagnostics;

namespace DataTier.Silo.Resp;

/// <summary>
/// LATENCY (HISTOGRAM, LATEST, HISTORY, RESET, GRAPH, DOCTOR, HELP) and INFO's commandstats, errorstats and latencystats,
/// over this silo's command timings (see <see cref="CommandTimings"/>).
/// </summary>
public sealed partial class RespSession
{
    private static readonly string[] LatencyHelp =
    [
        "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "DOCTOR",
        "    Return a human readable latency analysis report.",
        "GRAPH <event>",
        "    Return an ASCII latency graph for the <event> class.",
        "HISTORY <event>",
        "    Return time-latency samples for the <event> class.",
        "LATEST",
        "    Return the latest latency samples for all events.",
        "RESET [<event> ...]",
        "    Reset latency data of one or more <event> classes.",
        "    (default: reset all data for all event classes)",
        "HISTOGRAM [COMMAND ...]",
        "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
        "    If no commands are specified then all histograms are replied.",
        "HELP",
        "    Prints this help.",
    ];

    private CacheReply Latency(byte[][] a)
    {
        var monitor = _services.Timings.Latency;
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "histogram":
                return LatencyHistogramReply(a.Skip(2).Select(Arg.Lower).ToHashSet());
            case "latest" when a.Length == 2:
                return CacheReply.Array([.. monitor.Latest().Select(e => CacheReply.Array(
                    [CacheReply.Bulk(e.Name), CacheReply.Int(e.Time), CacheReply.Int(e.Latest), CacheReply.Int(e.Max)]))]);
            case "history" when a.Length == 3:
                return CacheReply.Array([.. monitor.History(Arg.Text(a[2])).Select(s => CacheReply.Array([CacheReply.Int(s.Time), CacheReply.Int(s.Ms)]))]);
            case "reset":
                return CacheReply.Int(monitor.Reset([.. a.Skip(2).Select(Arg.Text)]));
            case "graph" when a.Length == 3:
                var name = Arg.Text(a[2]);
                var (samples, max) = monitor.HistoryAndMax(name);
                return samples.Count == 0
                    ? CacheReply.Error($"ERR No samples available for event '{name}'")
                    : CacheReply.Verbatim(LatencyGraph(name, samples, max));
            case "doctor" when a.Length == 2:
                return CacheReply.Verbatim(LatencyDoctor(monitor));
            case "help" when a.Length == 2:
                return CacheReply.Array([.. LatencyHelp.Select(CacheReply.Simple)]);
            case "latest" or "history" or "graph" or "doctor" or "help":
                return CacheErrors.WrongArity("latency|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try LATENCY HELP.");
        }
    }

    /// <summary>Per command asked for (all when none; a container's name stands for its subcommands): its calls and cumulative power-of-two buckets.</summary>
    private CacheReply LatencyHistogramReply(HashSet<string> names)
    {
        var items = new List<CacheReply>();
        foreach (var stat in _services.Stats.Commands)
        {
            if (stat.Latencies.Count == 0) continue;
            if (names.Count > 0 && !names.Contains(stat.Name) && !names.Any(n => stat.Name.StartsWith(n + "|", StringComparison.Ordinal))) continue;
            var buckets = stat.Latencies.PowerOfTwoBuckets();
            items.Add(CacheReply.Bulk(stat.Name));
            items.Add(CacheReply.Map(
            [
                CacheReply.Bulk("calls"), CacheReply.Int(stat.Calls),
                CacheReply.Bulk("histogram_usec"), CacheReply.Map([.. buckets.SelectMany(b => new[] { CacheReply.Int(b.BoundMicros), CacheReply.Int(b.Cumulative) })]),
            ]));
        }
        return CacheReply.Map([.. items]);
    }

    private static string LatencyGraph(string name, List<(long Time, long Ms)> samples, long max)
    {
        var high = samples.Max(s => s.Ms);
        var low = samples.Min(s => s.Ms);
        var text = new StringBuilder().Append(name).Append(" - high ").Append(high).Append(" ms, low ").Append(low)
            .Append(" ms (all time high ").Append(max).Append(" ms)\n").Append('-', 80).Append('\n');
        const int rows = 4;
        for (var row = rows; row >= 1; row--)
        {
            foreach (var s in samples) text.Append(high == 0 || s.Ms * rows < (long)row * high ? (row == 1 ? '_' : ' ') : '#');
            text.Append('\n');
        }
        return text.ToString();
    }

    private string LatencyDoctor(LatencyMonitor monitor)
    {
        if (monitor.ThresholdMs == 0)
            return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
        var events = monitor.Latest();
        if (events.Count == 0)
            return "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sleep better.\n";
        var text = new StringBuilder("Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n");
        var n = 1;
        foreach (var e in events)
        {
            var history = monitor.History(e.Name);
            var average = history.Average(s => s.Ms);
            var deviation = history.Average(s => Math.Abs(s.Ms - average));
            var period = history.Count > 1 ? (double)(history[^1].Time - history[0].Time) / (history.Count - 1) : 1;
            text.Append(n++).Append(". ").Append(e.Name).Append(": ").Append(history.Count).Append(" latency spikes (average ")
                .Append(((long)average).ToString(CultureInfo.InvariantCulture)).Append("ms, mean deviation ")
                .Append(((long)deviation).ToString(CultureInfo.InvariantCulture)).Append("ms, period ")
                .Append(period.ToString("0.00", CultureInfo.InvariantCulture)).Append(" sec). Worst all time event ").Append(e.Max).Append("ms.\n");
        }
        text.Append("\nI have a few advices for you:\n\n")
            .Append("- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n");
        return text.ToString();
    }

    private void AppendCommandStats(StringBuilder text)
    {
        text.Append("# Commandstats\r\n");
        foreach (var stat in _services.Stats.Commands) text.Append(CommandStats.CommandLine(stat)).Append("\r\n");
    }

    private void AppendErrorStats(StringBuilder text)
    {
        text.Append("# Errorstats\r\n");
        foreach (var (code, count) in _services.Stats.Errors) text.Append("errorstat_").Append(code).Append(":count=").Append(count).Append("\r\n");
    }

    private void AppendLatencyStats(StringBuilder text)
    {
        text.Append("# Latencystats\r\n");
        foreach (var stat in _services.Stats.Commands)
        {
            if (stat.Latencies.Count == 0) continue;
            text.Append("latency_percentiles_usec_").Append(stat.Name).Append(':');
            text.AppendJoin(',', _services.Stats.Percentiles.Select(p => "p" + p.ToString(CultureInfo.InvariantCulture) + "="
                + (stat.Latencies.ValueAtPercentile(p) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture)));
            text.Append("\r\n");
        }
    }
}
