using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DataTier.Tests.Indexes;

/// <summary>
/// Listens to the GSI lag instruments of the meter <c>DataTier</c> of every silo in the process: the
/// gauges as last read (records summed over silos, the largest age) and every apply delay, by table and index.
/// </summary>
public sealed class LagObserver : IDisposable
{
    private readonly MeterListener _listener = new();

    public ConcurrentDictionary<(string Table, string Index), long> Records { get; } = new();
    public ConcurrentDictionary<(string Table, string Index), double> Age { get; } = new();
    public ConcurrentDictionary<(string Table, string Index), ConcurrentQueue<double>> Delays { get; } = new();

    public LagObserver()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DataTier.Indexes.IndexLagMetrics.MeterName && instrument.Name.StartsWith("datatier.index.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Records.AddOrUpdate(Key(tags), value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "datatier.index.lag.age") Age.AddOrUpdate(Key(tags), value, (_, age) => Math.Max(age, value));
            else Delays.GetOrAdd(Key(tags), _ => new ConcurrentQueue<double>()).Enqueue(value);
        });
        _listener.Start();
    }

    /// <summary>Reads the gauges now (their values replace the last ones read).</summary>
    public void Collect()
    {
        Records.Clear();
        Age.Clear();
        _listener.RecordObservableInstruments();
    }

    private static (string, string) Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string table = "", index = "";
        foreach (var tag in tags)
        {
            if (tag.Key == "table") table = (string)tag.Value!;
            else if (tag.Key == "index") index = (string)tag.Value!;
        }
        return (table, index);
    }

    public void Dispose() => _listener.Dispose();
}
