using System.Diagnostics;
using System.Net.Sockets;
using DataTier.Tests.Processes;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>A real memcached (Debian's, 1.6) on a free loopback port, for differential tests. test.sh installs it.</summary>
public sealed class MemcachedServerProcess : IDisposable
{
    private readonly Process _process;

    private MemcachedServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MemcachedServerProcess> StartAsync()
    {
        var executable = RedisServerProcess.FindExecutable("memcached")
            ?? throw new InvalidOperationException("memcached is not installed: run ./test.sh, or apt-get install memcached");
        var port = SiloProcess.FreePorts(1)[0];
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-l", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "0", "-m", "64", "-u", "root" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("memcached did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return new MemcachedServerProcess(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
