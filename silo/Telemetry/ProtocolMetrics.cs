using System.Diagnostics.Metrics;
using DataTier.Silo.Memcached;
using DataTier.Silo.Resp;

namespace DataTier.Silo.Telemetry;

/// <summary>Commands served by this silo's RESP and memcached endpoints (meter <c>DataTier</c>); rate() of them is commands per second.</summary>
public sealed class ProtocolMetrics
{
    public ProtocolMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(EndpointMetrics.MeterName);
        // Each endpoint's counters exist only when the endpoint is enabled.
        if (services.GetService<RespClients>() is { } resp)
        {
            meter.CreateObservableCounter("datatier.resp.commands", () => resp.CommandsProcessed, description: "Commands the RESP endpoint processed");
            meter.CreateObservableGauge("datatier.resp.connections", () => resp.Connected, description: "Open RESP connections");
        }
        if (services.GetService<MemcachedStats>() is { } memcached)
        {
            meter.CreateObservableCounter("datatier.memcached.commands", () => new[]
            {
                Command(Interlocked.Read(ref memcached.CmdGet), "get"),
                Command(Interlocked.Read(ref memcached.CmdSet), "set"),
                Command(Interlocked.Read(ref memcached.CmdTouch), "touch"),
            }, description: "Retrieval, storage and touch commands the memcached endpoint processed (cmd_get, cmd_set, cmd_touch)");
            meter.CreateObservableGauge("datatier.memcached.connections", () => Interlocked.Read(ref memcached.CurrentConnections), description: "Open memcached connections");
        }
    }

    private static Measurement<long> Command(long value, string command) => new(value, new KeyValuePair<string, object?>("command", command));
}
