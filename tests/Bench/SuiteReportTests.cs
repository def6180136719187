using System.Diagnostics;
using DataTier.Tests.Deploy;
using Xunit;

namespace DataTier.Tests.Bench;

/// <summary>
/// bench/suite-report.awk turns the suite's result lines into the tables its targets are judged by:
/// these tests feed it known lines and check the ratios and the marks it prints.
/// </summary>
public sealed class SuiteReportTests
{
    [Fact]
    public async Task Http_rows_give_the_ratio_to_the_ceiling_and_mark_the_target()
    {
        var table = await ReportAsync(
            Result("http", "silo", "ycsb-a", "uniform", 4100, p99: 5),
            Result("http", "ceiling", "ycsb-a", "uniform", 10000, p99: 2),
            Result("http", "silo", "ycsb-c", "uniform", 5900, p99: 4),
            Result("http", "ceiling", "ycsb-c", "uniform", 10000, p99: 2));

        var a = Row(table, "YCSB A: 50% read, 50% update, uniform", "ceiling");
        Assert.Equal("0.41", a[^2]);
        Assert.Equal("≥ 0.4 ✓", a[^1]);
        var c = Row(table, "YCSB C: 100% read, uniform", "ceiling");
        Assert.Equal("0.59", c[^2]);
        Assert.Equal("≥ 0.6 ✗", c[^1]);
    }

    [Fact]
    public async Task A_missing_peer_is_not_measured_rather_than_a_pass_or_a_fail()
    {
        var table = await ReportAsync(
            Result("http", "silo", "ycsb-b", "zipfian", 4100, p99: 5));

        var b = Row(table, "YCSB B: 95% read, 5% update, zipfian", "ceiling");
        Assert.Equal("-", b[^2]);
        Assert.Equal("≥ 0.6 (not measured)", b[^1]);
        Assert.Equal("-", Row(table, "YCSB B: 95% read, 5% update, zipfian", "dynalite")[^2]);
    }

    [Fact]
    public async Task Cache_and_sdk_rows_are_judged_against_their_own_targets()
    {
        var table = await ReportAsync(
            Result("cache", "resp", "GET-c50", "-", 80000, p99: 0.6),
            Result("cache", "redis", "GET-c50", "-", 100000, p99: 0.5),
            Result("cache", "resp", "SET-P16", "-", 70000, p99: 0.6),
            Result("cache", "redis", "SET-P16", "-", 100000, p99: 0.5),
            Result("sdk", "sdk", "ycsb-c", "uniform", 69, p99: 2),
            Result("sdk", "sdk", "empty", "uniform", 100, p99: 2));

        var get = Row(table, "redis-benchmark GET -c 50", "redis-server");
        Assert.Equal(("0.80", "≥ 0.8 ✓"), (get[^2], get[^1]));
        var set = Row(table, "redis-benchmark SET -c 50 -P 16", "redis-server");
        Assert.Equal(("0.70", "≥ 0.8 ✗"), (set[^2], set[^1]));
        var sdk = Row(table, "YCSB C: GetItem of a cached item, uniform", "empty grain call");
        Assert.Equal(("0.69", "≥ 0.7 ✗"), (sdk[^2], sdk[^1]));
    }

    [Fact]
    public async Task Fixed_rate_rows_compare_p99_with_the_ceiling_and_the_absolute_target()
    {
        var table = await ReportAsync(
            Result("latency", "silo", "ycsb-a", "uniform", 2000, p99: 18, rate: 2000),
            Result("latency", "ceiling", "ycsb-a", "uniform", 2000, p99: 2.4, rate: 2000),
            Result("latency", "silo", "ycsb-c", "uniform", 2000, p99: 1.5, rate: 2000),
            Result("latency", "ceiling", "ycsb-c", "uniform", 2000, p99: 1.2, rate: 2000));

        var a = Row(table, "YCSB A: 50% read, 50% update", "2000");
        Assert.Equal("7.50", a[^3]);
        Assert.Equal("- / -", a[^2]); // runs without a wake-up probe
        Assert.Equal("p99 < 2 ms ✗ (the ceiling's own p99 is 2.4 ms)", a[^1]);
        var c = Row(table, "YCSB C: 100% read", "2000");
        Assert.Equal(("1.25", "p99 < 2 ms ✓"), (c[^3], c[^1]));
    }

    [Fact]
    public async Task Rounds_give_the_median_of_each_rounds_ratio_and_its_spread()
    {
        // The ceiling swings from round to round; each round's pair is divided on its own, so the
        // median ratio (5500 / 9000 = 0.61) differs from the ratio of the medians (6000 / 9000 = 0.67).
        var table = await ReportAsync(
            Result("http", "silo", "ycsb-b", "uniform", 6000, p99: 5, round: 1),
            Result("http", "ceiling", "ycsb-b", "uniform", 8000, p99: 2, round: 1),
            Result("http", "silo", "ycsb-b", "uniform", 5500, p99: 4, round: 3),
            Result("http", "ceiling", "ycsb-b", "uniform", 9000, p99: 1, round: 3),
            Result("http", "silo", "ycsb-b", "uniform", 6500, p99: 6, round: 2),
            Result("http", "ceiling", "ycsb-b", "uniform", 13000, p99: 3, round: 2));

        var b = Row(table, "YCSB B: 95% read, 5% update, uniform", "ceiling");
        Assert.Equal(["6000", "0.5", "5", "10"], b[1..5]);
        Assert.Equal(["9000", "0.5", "2", "4"], b[6..10]);
        Assert.Equal(("0.61 (0.50 to 0.75)", "≥ 0.6 ✓"), (b[^2], b[^1]));
    }

    [Fact]
    public async Task Fixed_rate_rounds_are_judged_by_the_median_p99()
    {
        var table = await ReportAsync(
            Result("latency", "silo", "ycsb-a", "uniform", 1000, p99: 1.5, rate: 1000, round: 1),
            Result("latency", "ceiling", "ycsb-a", "uniform", 1000, p99: 1, rate: 1000, round: 1),
            Result("latency", "silo", "ycsb-a", "uniform", 1000, p99: 9, rate: 1000, round: 2),
            Result("latency", "ceiling", "ycsb-a", "uniform", 1000, p99: 1, rate: 1000, round: 2),
            Result("latency", "silo", "ycsb-a", "uniform", 1000, p99: 1.8, rate: 1000, round: 3),
            Result("latency", "ceiling", "ycsb-a", "uniform", 1000, p99: 1.2, rate: 1000, round: 3));

        var a = Row(table, "YCSB A: 50% read, 50% update", "1000");
        Assert.Equal("1.8", a[4]);
        Assert.Equal(("1.50 (1.50 to 9.00)", "p99 < 2 ms ✓"), (a[^3], a[^1]));
    }

    [Fact]
    public async Task Fixed_rate_rows_give_the_median_wake_up_overrun_of_each_servers_runs()
    {
        var table = await ReportAsync(
            Result("latency", "silo", "ycsb-b", "uniform", 1000, p99: 3, rate: 1000, round: 1) + " wake_p50=0.080ms wake_p99=1.40ms",
            Result("latency", "ceiling", "ycsb-b", "uniform", 1000, p99: 2, rate: 1000, round: 1) + " wake_p50=0.080ms wake_p99=0.900ms",
            Result("latency", "silo", "ycsb-b", "uniform", 1000, p99: 3, rate: 1000, round: 2) + " wake_p50=0.080ms wake_p99=5.10ms",
            Result("latency", "ceiling", "ycsb-b", "uniform", 1000, p99: 2, rate: 1000, round: 2) + " wake_p50=0.080ms wake_p99=2.60ms",
            Result("latency", "silo", "ycsb-b", "uniform", 1000, p99: 3, rate: 1000, round: 3) + " wake_p50=0.080ms wake_p99=0.700ms",
            Result("latency", "ceiling", "ycsb-b", "uniform", 1000, p99: 2, rate: 1000, round: 3) + " wake_p50=0.080ms wake_p99=1.10ms");

        var b = Row(table, "YCSB B: 95% read, 5% update", "1000");
        Assert.Equal("1.40 / 1.10", b[^2]);
        Assert.Equal("1.50 (1.50 to 1.50)", b[^3]);
    }

    [Fact]
    public async Task Memory_rows_divide_by_the_keys_and_by_redis()
    {
        var table = await ReportAsync("section=memory keys=1000 resp_used=300000 redis_used=100000 silo_rss=150000 redis_rss=120000");

        var used = Row(table, "INFO used_memory delta, both");
        Assert.Equal(["300", "100", "3.00", "≤ 2 ✗"], used[1..]);
        var rss = Row(table, "silo process RSS delta vs redis INFO used_memory delta");
        Assert.Equal(["150", "100", "1.50", "≤ 2 ✓"], rss[1..]);
    }

    /// <summary>One result line as bench/run.sh writes it; p50 and p99.9 do not enter a judgement.</summary>
    private static string Result(string section, string label, string op, string dist, int opsPerSecond, double p99, int? rate = null, int? round = null) =>
        FormattableString.Invariant($"section={section} label={label} op={op} dist={dist} conc=50 ops/s={opsPerSecond} p50=0.5ms p99={p99}ms p99.9={2 * p99}ms errors=0")
        + (rate is null ? "" : $" rate={rate}") + (round is null ? "" : $" round={round}");

    /// <summary>The cells of the table row whose first cell is <paramref name="first"/> and that holds <paramref name="alsoHolding"/>.</summary>
    private static string[] Row(string table, string first, string? alsoHolding = null)
    {
        var rows = table.Split('\n')
            .Where(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Contains(first) && (alsoHolding is null || cells.Contains(alsoHolding)))
            .ToList();
        Assert.True(rows.Count == 1, $"expected one row with '{first}' and '{alsoHolding}' in:\n{table}");
        var row = rows[0];
        return row[Array.IndexOf(row, first)..];
    }

    private static async Task<string> ReportAsync(params string[] lines)
    {
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(input, lines);
            var start = new ProcessStartInfo("awk")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-v", "quick=0", "-f", Path.Combine(RepositoryPaths.Root, "bench", "suite-report.awk"), input })
                start.ArgumentList.Add(arg);
            using var awk = Process.Start(start)!;
            var output = awk.StandardOutput.ReadToEndAsync();
            var error = await awk.StandardError.ReadToEndAsync();
            await awk.WaitForExitAsync();
            Assert.True(awk.ExitCode == 0, $"awk failed: {error}");
            return await output;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
