using System.Net;
using System.Net.Sockets;

namespace DataTier.Tests.Processes;

/// <summary>
/// Loopback TCP ports handed out from a fixed range above the kernel's ephemeral range (32768-60999
/// here), so no port-0 bind elsewhere in the run (clients, TestingHost clusters) can be given the same
/// port between choosing it and the server binding it. Each range hands every port out at most once
/// per test run, and ranges do not overlap, so the kinds of server the tests start never collide.
/// </summary>
public sealed class PortRange
{
    private readonly int _last;
    private int _next;

    /// <param name="first">First port of the range.</param>
    /// <param name="last">Last port of the range.</param>
    /// <param name="randomStart">Start at a random offset in the first part of the range, so two test runs at once seldom probe the same ports.</param>
    public PortRange(int first, int last, int randomStart)
    {
        if (first > last || randomStart < 0 || first + randomStart > last) throw new ArgumentOutOfRangeException(nameof(first));
        _last = last;
        _next = first - 1 + Random.Shared.Next(0, randomStart + 1);
    }

    /// <summary>Silo processes (HTTP, silo, gateway and admin ports).</summary>
    public static PortRange Silos { get; } = new(61000, 63999, 1500);

    /// <summary>Peer servers the tests compare against or store into (dynalite, redis-server).</summary>
    public static PortRange Peers { get; } = new(64000, 64999, 400);

    /// <summary>Distinct loopback ports that were free when chosen and are never handed out twice in this run.</summary>
    public int[] Take(int count)
    {
        var ports = new List<int>(count);
        while (ports.Count < count)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > _last) throw new InvalidOperationException("Out of test ports");
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                ports.Add(port);
            }
            catch (SocketException)
            {
                // taken: try the next one
            }
        }
        return [.. ports];
    }
}
