using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace DataTier.Silo.Networking;

/// <summary>
/// A TCP endpoint of the silo (RESP, memcached): binds at start, accepts connections, and runs one
/// protocol session per connection over pipes until the client leaves or the silo stops. The pipes
/// are Kestrel's socket transport (pooled buffers, receives straight into them), not a NetworkStream.
/// </summary>
public abstract partial class TcpEndpointListener(ILogger logger) : BackgroundService
{
    private Socket? _socket;
    private SocketConnectionContextFactory? _connections;

    /// <summary>The port bound (useful when configured as 0).</summary>
    public int BoundPort => (_socket?.LocalEndPoint as IPEndPoint)?.Port ?? 0;

    /// <summary>The protocol's name, for logs.</summary>
    protected abstract string Protocol { get; }

    /// <summary>Where to listen; throws when the options are invalid.</summary>
    protected abstract IPEndPoint Endpoint();

    /// <summary>Serves one connection; <paramref name="remote"/> and <paramref name="local"/> are its two ends as ip:port.</summary>
    protected abstract Task RunSessionAsync(PipeReader input, PipeWriter output, string remote, string local, CancellationToken cancellationToken);

    protected virtual void OnConnected()
    {
    }

    protected virtual void OnDisconnected()
    {
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();
        _socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.Bind(endpoint);
        _socket.Listen(512);
        _connections = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions { UnsafePreferInlineScheduling = true }, logger);
        LogListening(logger, Protocol, endpoint.ToString());
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
        var remote = client.RemoteEndPoint?.ToString() ?? "?";
        var local = client.LocalEndPoint?.ToString() ?? "?";
        OnConnected();
        var connection = _connections!.Create(client);
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        try
        {
            await RunSessionAsync(input, output, remote, local, stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // the client went away, or the silo is stopping
        }
        catch (Exception ex)
        {
            LogSessionFailed(logger, ex, Protocol, remote);
        }
        finally
        {
            OnDisconnected();
            await input.CompleteAsync();
            await output.CompleteAsync();
            await connection.DisposeAsync();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _connections?.Dispose();
        GC.SuppressFinalize(this);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} endpoint listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string protocol, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol} connection from {Remote} failed")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception, string protocol, string remote);
}
