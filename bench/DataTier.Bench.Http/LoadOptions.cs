using DataTier.Bench.Common;

namespace DataTier.Bench.Http;

/// <summary>Command-line settings of one load run.</summary>
public sealed class LoadOptions
{
    public const string Usage = """
        usage: DataTier.Bench.Http [--url http://127.0.0.1:8000] [--table bench] [--concurrency 50]
                                   [--duration 10] [--warmup 2] [--items 10000] [--item-size 1024]
                                   [--mix MIX] [--distribution uniform|zipfian] [--create-table] [--load-only]
                                   [--label NAME] [--json FILE] [--indexes] [--pitr] [--replica REGION=URL] [--lag-probe] [--rate OPS]
          MIX: ycsb-a | ycsb-b | ycsb-c | ycsb-e | get | get-consistent | put | mixed | update | transact10 | query1mb
          --duration and --warmup are seconds and may be fractional (1.5)
          --indexes: the tables --create-table makes have a stream (NEW_AND_OLD_IMAGES) and two global
                     secondary indexes (byG1 on g1, byG2 on g2; every item has both attributes)
          --pitr: --create-table enables point-in-time recovery on the table once its items are put
          --replica REGION=URL: --create-table gives the table a stream and, once its items are put, a replica in REGION
            (global tables), whose DynamoDB endpoint is URL; with --lag-probe, the probe waits for its items there
          --lag-probe: during the run, also measure how far index byG1 (or, with --replica, the replica) trails the table (LagProbe)
          --rate OPS: offer OPS requests a second in all (open loop, FixedRate) instead of each worker
                      sending its next request as soon as the last one is answered (closed loop)
        """;

    public static readonly string[] Mixes = ["ycsb-a", "ycsb-b", "ycsb-c", "ycsb-e", "get", "get-consistent", "put", "mixed", "update", "transact10", "query1mb"];

    public string Url { get; private set; } = "http://127.0.0.1:8000";
    public string Table { get; private set; } = "bench";
    public int Concurrency { get; private set; } = 50;
    public double Duration { get; private set; } = 10;
    public double Warmup { get; private set; } = 2;
    public int Items { get; private set; } = 10_000;
    public int ItemSize { get; private set; } = 1024;
    public string Mix { get; private set; } = "get";
    public KeyDistribution Distribution { get; private set; } = KeyDistribution.Uniform;
    public bool CreateTable { get; private set; }
    public bool LoadOnly { get; private set; }
    public string Label { get; private set; } = "target";
    public string? Json { get; private set; }
    public bool Indexes { get; private set; }
    public bool PointInTimeRecovery { get; private set; }
    /// <summary>The region of the table's replica (global tables), and its endpoint.</summary>
    public string? ReplicaRegion { get; private set; }
    public string? ReplicaUrl { get; private set; }
    public bool LagProbe { get; private set; }
    /// <summary>Requests a second offered in all; 0 for a closed loop.</summary>
    public int Rate { get; private set; }

    public bool IsYcsb => Mix.StartsWith("ycsb-", StringComparison.Ordinal);

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        var a = new CommandLineArguments(args);
        while (a.MoveNext())
        {
            switch (a.Name)
            {
                case "--url": o.Url = a.Value(); break;
                case "--table": o.Table = a.Value(); break;
                case "--concurrency": o.Concurrency = a.WholeNumber(1); break;
                case "--duration": o.Duration = a.Seconds(0.1); break;
                case "--warmup": o.Warmup = a.Seconds(0); break;
                case "--items": o.Items = a.WholeNumber(1); break;
                case "--item-size": o.ItemSize = a.WholeNumber(0); break;
                case "--mix": o.Mix = a.Value(); break;
                case "--distribution": o.Distribution = a.Distribution(); break;
                case "--create-table": o.CreateTable = true; break;
                case "--load-only": o.LoadOnly = o.CreateTable = true; break;
                case "--label": o.Label = a.Value(); break;
                case "--json": o.Json = a.Value(); break;
                case "--indexes": o.Indexes = true; break;
                case "--pitr": o.PointInTimeRecovery = true; break;
                case "--replica":
                    var replica = a.Value().Split('=', 2);
                    if (replica.Length != 2 || !Uri.TryCreate(replica[1], UriKind.Absolute, out _)) throw new ArgumentException("--replica takes REGION=URL");
                    (o.ReplicaRegion, o.ReplicaUrl) = (replica[0], replica[1]);
                    break;
                case "--lag-probe": o.LagProbe = true; break;
                case "--rate": o.Rate = a.WholeNumber(1); break;
                default: throw a.Unknown();
            }
        }
        if (!Mixes.Contains(o.Mix)) throw new ArgumentException("--mix must be one of " + string.Join(", ", Mixes));
        if (o.IsYcsb && o.Items < YcsbRequests.RowsPerPartitionKey)
            throw new ArgumentException($"the ycsb mixes need --items >= {YcsbRequests.RowsPerPartitionKey}");
        if (!Uri.TryCreate(o.Url, UriKind.Absolute, out _)) throw new ArgumentException($"--url {o.Url} is not an absolute URL");
        return o;
    }
}
