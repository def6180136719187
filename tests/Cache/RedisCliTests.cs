using System.Diagnostics;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>redis-cli, the tool people use by hand, against the RESP endpoint.</summary>
[Collection("cache-wire")]
public sealed class CacheRedisCliTests(CacheSiloFixture fixture)
{
    private async Task<string> Cli(params string[] args)
    {
        var executable = RedisServerProcess.FindExecutable("redis-cli") ?? throw new InvalidOperationException("redis-cli is not installed: run ./test.sh");
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", fixture.RespPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(args)) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.TrimEnd('\n');
    }

    [Fact]
    public async Task Redis_cli_runs_commands()
    {
        Assert.Equal("PONG", await Cli("PING"));
        Assert.Equal("OK", await Cli("SET", "cli:key", "hello"));
        Assert.Equal("hello", await Cli("GET", "cli:key"));
        Assert.Equal("2", await Cli("HSET", "cli:h", "a", "1", "b", "2"));
        Assert.Equal("a\n1\nb\n2", await Cli("HGETALL", "cli:h"));
        Assert.Equal("a 1\nb 2", await Cli("-3", "HGETALL", "cli:h"));
        Assert.Equal("cli:h\ncli:key", string.Join("\n", (await Cli("--scan", "--pattern", "cli:*")).Split('\n').Order()));
        Assert.Contains("redis_version:", await Cli("INFO", "server"));
        Assert.Equal("ERR unknown command 'NOPE', with args beginning with: 'x'", (await Cli("NOPE", "x")).Trim());
    }

    [Fact]
    public async Task Redis_benchmark_completes_a_short_run()
    {
        var executable = RedisServerProcess.FindExecutable("redis-benchmark") ?? throw new InvalidOperationException("redis-benchmark is not installed: run ./test.sh");
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", fixture.RespPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "set,get", "-n", "2000", "-c", "10", "-P", "8", "-q" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("SET:", output);
        Assert.Contains("GET:", output);
    }
}
