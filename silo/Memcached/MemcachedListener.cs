using System.IO.Pipelines;
using System.Net;
using DataTier.Cache;
using DataTier.Silo.Networking;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Memcached;

/// <summary>Accepts memcached text-protocol connections (127.0.0.1:11211 by default) and runs a <see cref="MemcachedSession"/> for each.</summary>
public sealed class MemcachedListener(CacheRouter router, MemcachedStats stats, TimeProvider time,
    IOptions<MemcachedEndpointOptions> options, ILogger<MemcachedListener> logger) : TcpEndpointListener(logger)
{
    protected override string Protocol => "memcached";

    protected override IPEndPoint Endpoint()
    {
        var o = options.Value;
        o.Validate();
        return new IPEndPoint(IPAddress.Parse(o.Address), o.Port);
    }

    protected override void OnConnected()
    {
        Interlocked.Increment(ref stats.CurrentConnections);
        Interlocked.Increment(ref stats.TotalConnections);
    }

    protected override void OnDisconnected() => Interlocked.Decrement(ref stats.CurrentConnections);

    protected override Task RunSessionAsync(PipeReader input, PipeWriter output, string remote, string local, CancellationToken cancellationToken) =>
        new MemcachedSession(input, output, router, stats, time, options.Value).RunAsync(cancellationToken);
}
