using System.IO.Pipelines;
using System.Net;
using DataTier.Cache;
using DataTier.Silo.Memcached.Binary;
using DataTier.Silo.Networking;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Memcached;

/// <summary>
/// Accepts memcached connections (127.0.0.1:11211 by default) and runs a <see cref="MemcachedSession"/> for each, or a
/// <see cref="MemcachedBinarySession"/> for one whose first byte is the binary protocol's request magic, as memcached
/// chooses the protocol of a connection.
/// </summary>
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

    protected override async Task RunSessionAsync(PipeReader input, PipeWriter output, string remote, string local, CancellationToken cancellationToken)
    {
        var first = await input.ReadAsync(cancellationToken);
        if (first.Buffer.IsEmpty) return;
        var binary = first.Buffer.FirstSpan[0] == BinaryRequest.RequestMagic;
        input.AdvanceTo(first.Buffer.Start);
        if (binary) await new MemcachedBinarySession(input, output, router, stats, time, options.Value).RunAsync(cancellationToken);
        else await new MemcachedSession(input, output, router, stats, time, options.Value).RunAsync(cancellationToken);
    }
}
