using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using DataTier.Cache;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Memcached;

/// <summary>Accepts memcached text-protocol connections (127.0.0.1:11211 by default) and runs a <see cref="MemcachedSession"/> for each.</summary>
public sealed partial class MemcachedListener(CacheRouter router, MemcachedStats stats, TimeProvider time,
    IOptions<MemcachedEndpointOptions> options, ILogger<MemcachedListener> logger) : BackgroundService
{
    private Socket? _socket;

    public int BoundPort => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        o.Validate();
        var endpoint = new IPEndPoint(IPAddress.Parse(o.Address), o.Port);
        _socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.Bind(endpoint);
        _socket.Listen(512);
        LogListening(logger, endpoint.ToString());
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var socket = _socket!;
        using var registration = stoppingToken.Register(socket.Dispose);
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stoppingToken.IsCancellationRequested)
            {
                break;
            }
            _ = ServeAsync(client, stoppingToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        client.NoDelay = true;
        Interlocked.Increment(ref stats.CurrentConnections);
        Interlocked.Increment(ref stats.TotalConnections);
        await using var stream = new NetworkStream(client, ownsSocket: true);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4096));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 16 * 1024));
        try
        {
            await new MemcachedSession(input, output, router, stats, time, options.Value).RunAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away, or the silo is stopping
        }
        catch (Exception ex)
        {
            LogSessionFailed(logger, ex, client.RemoteEndPoint?.ToString() ?? "?");
        }
        finally
        {
            Interlocked.Decrement(ref stats.CurrentConnections);
            await input.CompleteAsync();
            await output.CompleteAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "memcached endpoint listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "memcached connection from {Remote} failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception, string remote);
}
