using System.Diagnostics;
using DataTier.Bench.Common;

namespace DataTier.Bench.Http;

/// <summary>
/// Drives one mix of DynamoDB requests with N concurrent workers, each with one request in flight on a
/// connection and a thread of its own (<see cref="RawHttpConnection"/>); tables are made and loaded through
/// <see cref="DynamoHttpClient"/>.
/// </summary>
public sealed class LoadRunner(LoadOptions options, DynamoHttpClient client)
{
    private readonly DynamoRequests? _requests = options.IsYcsb ? null : new DynamoRequests(options);
    private readonly YcsbRequests? _ycsb = options.IsYcsb ? new YcsbRequests(options.Table, options.Items, options.ItemSize) : null;
    private KeyChooser _keys = KeyChooser.Create(options.Distribution, options.Items);
    private KeyChooser _partitionKeys = KeyChooser.Create(options.Distribution, 1);
    private long[] _inserted = [];

    /// <summary>Creates the tables the mix needs (existing ones are fine) and puts every key, so that reads hit.</summary>
    public async Task CreateTableAsync()
    {
        if (_ycsb is not null)
        {
            await new YcsbLoader(client, _ycsb, options.Concurrency).LoadAsync();
            return;
        }
        var requests = _requests!;
        foreach (var create in new[] { requests.CreateTable(), requests.CreateQueryTable() })
        {
            var (status, error) = await client.SendAsync("CreateTable", create);
            if (status != 200 && error?.Contains("ResourceInUseException", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"CreateTable failed: {status} {error}");
        }
        await client.WaitUntilActiveAsync(options.Table);
        await client.WaitUntilActiveAsync(requests.QueryTable);
        foreach (var row in requests.QueryRows)
        {
            var (s, e) = await client.SendAsync("PutItem", row);
            if (e is not null) throw new InvalidOperationException($"preload of the query table failed: {s} {e}");
        }

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int key;
            while ((key = Interlocked.Increment(ref next)) < options.Items)
            {
                var (s, e) = await client.SendAsync("PutItem", requests.Puts[key]);
                if (e is not null) throw new InvalidOperationException($"preload PutItem failed: {s} {e}");
            }
        })));
        if (options.PointInTimeRecovery)
        {
            // Enabled once the items are there, so that enabling logs them all (a table enabled again keeps its logs).
            var enable = System.Text.Encoding.UTF8.GetBytes(
                $$$"""{"TableName":"{{{options.Table}}}","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}""");
            var (s, e) = await client.SendAsync("UpdateContinuousBackups", enable);
            if (e is not null) throw new InvalidOperationException($"UpdateContinuousBackups failed: {s} {e}");
        }
        if (options.ReplicaRegion is { } region)
        {
            // Added once the items are there, so that every partition sends them to the new replica first.
            var add = System.Text.Encoding.UTF8.GetBytes(
                $$$"""{"TableName":"{{{options.Table}}}","ReplicaUpdates":[{"Create":{"RegionName":"{{{region}}}"}}]}""");
            var (s, e) = await client.SendAsync("UpdateTable", add);
            if (e is not null && !e.Contains("already existed", StringComparison.Ordinal)) throw new InvalidOperationException($"UpdateTable ReplicaUpdates failed: {s} {e}");
            await client.WaitUntilReplicaActiveAsync(options.Table, region);
        }
    }

    /// <summary>Runs the mix; at a fixed rate (<c>--rate</c>), also what a <see cref="WakeupProbe"/> saw meanwhile.</summary>
    public async Task<(Measurement Measurement, WakeupProbe.Result? Wakeups)> RunAsync()
    {
        if (_ycsb is not null) _partitionKeys = KeyChooser.Create(options.Distribution, _ycsb.PartitionKeys);
        _keys = KeyChooser.Create(options.Distribution, options.Items);
        _inserted = new long[options.Concurrency];
        var url = new Uri(options.Url);
        var connections = Enumerable.Range(0, options.Concurrency).Select(_ => new RawHttpConnection(url)).ToArray();
        try
        {
            ValueTask<string?> SendNext(int worker, Random random) => ValueTask.FromResult(Send(connections[worker], worker, random));
            if (options.Rate <= 0) return (await ClosedLoop.RunAsync(options.Concurrency, options.Warmup, options.Duration, SendNext, blocking: true), null);
            // Below saturation, the latency a request sees is of the order of the machine's own wake-ups: measured beside it.
            var probe = WakeupProbe.Start(options.Warmup);
            var measurement = await FixedRate.RunAsync(options.Concurrency, options.Rate, options.Warmup, options.Duration, SendNext, blocking: true);
            return (measurement, probe.Stop());
        }
        finally
        {
            foreach (var connection in connections) connection.Dispose();
        }
    }

    private string? Send(RawHttpConnection connection, int worker, Random random)
    {
        var (operation, body) = Next(worker, random);
        var (status, error) = connection.Send(operation, body);
        return error is null ? null : $"{operation} {status} {error}";
    }

    private (string Operation, byte[] Body) Next(int worker, Random random)
    {
        if (_ycsb is { } y)
        {
            return options.Mix switch
            {
                "ycsb-a" => random.Next(100) < 50 ? ("UpdateItem", y.Update(_keys.Next(random), random)) : ("GetItem", y.Reads[_keys.Next(random)]),
                "ycsb-b" => random.Next(100) < 5 ? ("UpdateItem", y.Update(_keys.Next(random), random)) : ("GetItem", y.Reads[_keys.Next(random)]),
                "ycsb-e" => random.Next(100) < 5
                    // Sort keys unique per worker: worker w inserts w, w + N, w + 2N, ... past the loaded rows.
                    ? ("PutItem", y.Insert(_partitionKeys.Next(random), worker + options.Concurrency * _inserted[worker]++))
                    : ("Query", y.Scan(_partitionKeys.Next(random), random.Next(YcsbRequests.MaxScanStart + 1), 1 + random.Next(YcsbRequests.MaxScanLength))),
                _ => ("GetItem", y.Reads[_keys.Next(random)]),
            };
        }
        var requests = _requests!;
        var key = _keys.Next(random);
        return options.Mix switch
        {
            "put" => ("PutItem", requests.Puts[key]),
            "mixed" => random.Next(2) == 0 ? ("PutItem", requests.Puts[key]) : ("GetItem", requests.Gets[key]),
            "update" => ("UpdateItem", requests.Updates[key]),
            "transact10" => ("TransactWriteItems", requests.TransactPuts(random, 10)),
            "query1mb" => ("Query", requests.QueryPage),
            "get-consistent" => ("GetItem", requests.ConsistentGets[key]),
            _ => ("GetItem", requests.Gets[key]),
        };
    }
}
