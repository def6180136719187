using System.Diagnostics;

namespace DataTier.Tests.Cache.Memcached;

/// <summary>Debian's memccapable (libmemcached-tools, installed by test.sh): memcached's protocol conformance suite.</summary>
public static class Memccapable
{
    /// <summary>Runs the suite of one protocol (<c>-a</c> ASCII, <c>-b</c> binary) against the port: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(int port, string protocol)
    {
        if (!File.Exists("/usr/bin/memccapable")) throw new InvalidOperationException("memccapable (libmemcached-tools) is missing: test.sh installs it");
        var start = new ProcessStartInfo("/usr/bin/memccapable") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(), protocol, "-t", "10" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output + await error);
    }
}
