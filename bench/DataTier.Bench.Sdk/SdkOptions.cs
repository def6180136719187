using System.Globalization;
using DataTier.Bench.Common;

namespace DataTier.Bench.Sdk;

/// <summary>Command-line settings of one SDK load run.</summary>
public sealed class SdkOptions
{
    public const string Usage = """
        usage: DataTier.Bench.Sdk [--gateway 127.0.0.1:30000] [--table bench] [--concurrency 50]
                                  [--duration 10] [--warmup 2] [--items 10000] [--item-size 1000]
                                  [--workload W[,W...]] [--distribution uniform|zipfian]
                                  [--load] [--label NAME] [--json FILE]
          W: ycsb-a | ycsb-b | ycsb-c | empty (a call to a grain that does nothing); several run one
          after the other in one client, after an unrecorded pass of --warmup seconds over each
        """;

    public static readonly string[] KnownWorkloads = ["ycsb-a", "ycsb-b", "ycsb-c", "empty"];

    public string Gateway { get; private set; } = "127.0.0.1:30000";
    public string Table { get; private set; } = "bench";
    public int Concurrency { get; private set; } = 50;
    public double Duration { get; private set; } = 10;
    public double Warmup { get; private set; } = 2;
    public int Items { get; private set; } = 10_000;
    public int ItemSize { get; private set; } = 1000;
    public IReadOnlyList<string> Workloads { get; private set; } = ["ycsb-c"];
    public KeyDistribution Distribution { get; private set; } = KeyDistribution.Uniform;
    public bool Load { get; private set; }
    public string Label { get; private set; } = "sdk";
    public string? Json { get; private set; }

    /// <summary>The YCSB table, the same one the HTTP generator loads: <c>TABLE-ycsb</c>.</summary>
    public string YcsbTable => Table + "-ycsb";

    public static SdkOptions Parse(string[] args)
    {
        var o = new SdkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int NextInt(int min) => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v : throw new ArgumentException($"{name} needs a whole number >= {min}");
            double NextSeconds(double min) => double.TryParse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v >= min
                ? v : throw new ArgumentException($"{name} needs a number of seconds >= {min}");
            switch (name)
            {
                case "--gateway": o.Gateway = Next(); break;
                case "--table": o.Table = Next(); break;
                case "--concurrency": o.Concurrency = NextInt(1); break;
                case "--duration": o.Duration = NextSeconds(0.1); break;
                case "--warmup": o.Warmup = NextSeconds(0); break;
                case "--items": o.Items = NextInt(1); break;
                case "--item-size": o.ItemSize = NextInt(10); break;
                case "--workload": o.Workloads = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--distribution":
                    o.Distribution = Next() switch
                    {
                        "uniform" => KeyDistribution.Uniform,
                        "zipfian" => KeyDistribution.Zipfian,
                        var d => throw new ArgumentException($"--distribution must be uniform or zipfian, not {d}"),
                    };
                    break;
                case "--load": o.Load = true; break;
                case "--label": o.Label = Next(); break;
                case "--json": o.Json = Next(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }
        if (o.Workloads.Count == 0 || o.Workloads.Any(w => !KnownWorkloads.Contains(w)))
            throw new ArgumentException("--workload must name one or more of " + string.Join(", ", KnownWorkloads));
        if (!o.Gateway.Contains(':', StringComparison.Ordinal)) throw new ArgumentException("--gateway must be host:port");
        return o;
    }
}
