using System.IO.Pipelines;
using System.Net;
using DataTier.Silo.Networking;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Resp;

/// <summary>Accepts RESP connections (127.0.0.1:6379 by default) and runs a <see cref="RespSession"/> for each.</summary>
public sealed class RespListener(RespServices services, IOptions<RespEndpointOptions> options, ILogger<RespListener> logger)
    : TcpEndpointListener(logger)
{
    protected override string Protocol => "RESP";

    protected override IPEndPoint Endpoint()
    {
        var o = options.Value;
        o.Validate();
        return new IPEndPoint(IPAddress.Parse(o.Address), o.Port);
    }

    protected override Task RunSessionAsync(PipeReader input, PipeWriter output, string remote, string local, CancellationToken cancellationToken) =>
        new RespSession(input, output, services, remote, local).RunAsync(cancellationToken);
}
