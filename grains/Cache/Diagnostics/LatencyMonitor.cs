using System.Diagnostics;
using DataTier.Cache.Commands;
using Microsoft.Extensions.Options;

namespace DataTier.Cache.Diagnostics;

/// <summary>
/// This silo's latency monitor (Redis' LATENCY LATEST, HISTORY, RESET): with latency-monitor-threshold above 0, every
/// command that takes at least that many milliseconds is a sample of the "command" event, or "fast-command" for the
/// O(1) commands; each event keeps one sample per second (the largest), its last 160, and its all-time largest.
/// </summary>
public sealed class LatencyMonitor
{
    public const int HistoryLength = 160;

    private readonly object _lock = new();
    private readonly Dictionary<string, LatencyEvent> _events = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _thresholdMs;
    private long _thresholdTicks;

    public LatencyMonitor(IOptions<CacheOptions> options, TimeProvider time)
    {
        _time = time;
        ThresholdMs = options.Value.LatencyMonitorThreshold;
    }

    /// <summary>Redis' latency-monitor-threshold, in milliseconds; 0 turns the monitor off.</summary>
    public long ThresholdMs
    {
        get => Volatile.Read(ref _thresholdMs);
        set
        {
            Volatile.Write(ref _thresholdMs, value);
            Volatile.Write(ref _thresholdTicks, value <= 0 || value > long.MaxValue / Stopwatch.Frequency ? long.MaxValue : value * Stopwatch.Frequency / 1000);
        }
    }

    /// <summary>Samples a command that ran <paramref name="elapsed"/> (in <see cref="Stopwatch"/> ticks), if it reached the threshold.</summary>
    public void Command(CommandSpec spec, long elapsed)
    {
        if (elapsed < Volatile.Read(ref _thresholdTicks)) return;
        Add(spec.Flags.HasFlag(CommandFlags.Fast) ? "fast-command" : "command", elapsed * 1000 / Stopwatch.Frequency);
    }

    public void Add(string name, long ms)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            if (!_events.TryGetValue(name, out var e)) _events[name] = e = new LatencyEvent();
            e.Add(now, ms);
        }
    }

    public List<(string Name, long Time, long Latest, long Max)> Latest()
    {
        lock (_lock) return [.. _events.Select(e => (e.Key, e.Value.History[^1].Time, e.Value.History[^1].Ms, e.Value.Max))];
    }

    public List<(long Time, long Ms)> History(string name) => HistoryAndMax(name).History;

    /// <summary>An event's samples and its all-time largest, read together (empty and 0 for an event without samples).</summary>
    public (List<(long Time, long Ms)> History, long Max) HistoryAndMax(string name)
    {
        lock (_lock) return _events.TryGetValue(name, out var e) ? ([.. e.History], e.Max) : ([], 0);
    }

    /// <summary>Forgets the events named (all when none); returns how many it forgot.</summary>
    public int Reset(IReadOnlyCollection<string> names)
    {
        lock (_lock)
        {
            if (names.Count == 0)
            {
                var all = _events.Count;
                _events.Clear();
                return all;
            }
            return names.Distinct(StringComparer.Ordinal).Count(n => _events.Remove(n));
        }
    }

    private sealed class LatencyEvent
    {
        public List<(long Time, long Ms)> History { get; } = [];

        public long Max { get; private set; }

        public void Add(long time, long ms)
        {
            Max = Math.Max(Max, ms);
            if (History.Count > 0 && History[^1].Time == time)
            {
                History[^1] = (time, Math.Max(History[^1].Ms, ms));
                return;
            }
            History.Add((time, ms));
            if (History.Count > HistoryLength) History.RemoveAt(0);
        }
    }
}
