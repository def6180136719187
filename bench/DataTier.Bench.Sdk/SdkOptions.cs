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
        var a = new CommandLineArguments(args);
        while (a.MoveNext())
        {
            switch (a.Name)
            {
                case "--gateway": o.Gateway = a.Value(); break;
                case "--table": o.Table = a.Value(); break;
                case "--concurrency": o.Concurrency = a.WholeNumber(1); break;
                case "--duration": o.Duration = a.Seconds(0.1); break;
                case "--warmup": o.Warmup = a.Seconds(0); break;
                case "--items": o.Items = a.WholeNumber(1); break;
                case "--item-size": o.ItemSize = a.WholeNumber(10); break;
                case "--workload": o.Workloads = a.Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--distribution": o.Distribution = a.Distribution(); break;
                case "--load": o.Load = true; break;
                case "--label": o.Label = a.Value(); break;
                case "--json": o.Json = a.Value(); break;
                default: throw a.Unknown();
            }
        }
        if (o.Workloads.Count == 0 || o.Workloads.Any(w => !KnownWorkloads.Contains(w)))
            throw new ArgumentException("--workload must name one or more of " + string.Join(", ", KnownWorkloads));
        if (!o.Gateway.Contains(':', StringComparison.Ordinal)) throw new ArgumentException("--gateway must be host:port");
        return o;
    }
}
