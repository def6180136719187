using DataTier.Bench.Common;
using DataTier.Bench.Grains;
using DataTier.Client;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Tables;

namespace DataTier.Bench.Sdk;

/// <summary>Drives the SDK (or the empty grain) with N concurrent workers, each with one call in flight.</summary>
public sealed class SdkRunner(SdkOptions options, ITableClient tables, IGrainFactory grains)
{
    private readonly YcsbRecords _records = new(options.YcsbTable, options.Items, options.ItemSize);

    /// <summary>Creates the YCSB table if it does not exist and puts every record, so that every read hits a cached item.</summary>
    public async Task LoadAsync()
    {
        try
        {
            await tables.CreateTableAsync(new TableDefinition
            {
                Name = options.YcsbTable,
                KeySchema = new TableKeySchema(new KeyAttribute("pk", AttrType.S), null),
                AttributeDefinitions = [new KeyAttribute("pk", AttrType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }
        catch (DynamoException e) when (e.Code == DynamoErrorCode.ResourceInUseException)
        {
            // loaded before, by this tool or by the HTTP generator
        }
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Concurrency, 32)).Select(_ => Task.Run(async () =>
        {
            int key;
            while ((key = Interlocked.Increment(ref next)) < options.Items) await tables.PutItemAsync(_records.Put(key));
        })));
    }

    public async Task<Measurement> RunAsync(string workload, double warmup, double duration)
    {
        var keys = KeyChooser.Create(options.Distribution, options.Items);
        var empty = Enumerable.Range(0, options.Items).Select(k => grains.GetGrain<IEmptyGrain>(k)).ToArray();
        // Activate every empty grain before the clock starts, as loading activated the partitions.
        if (workload == "empty")
            foreach (var chunk in empty.Chunk(options.Concurrency)) await Task.WhenAll(chunk.Select(g => g.Read()));
        return await ClosedLoop.RunAsync(options.Concurrency, warmup, duration, async (_, random) =>
        {
            switch (workload)
            {
                case "empty":
                    var body = await empty[keys.Next(random)].Read();
                    return body.Length == EmptyGrain.BodySize ? null : $"the empty grain answered {body.Length} bytes";
                case "ycsb-a" when random.Next(100) < 50:
                case "ycsb-b" when random.Next(100) < 5:
                    await tables.UpdateItemAsync(_records.Update(keys.Next(random), random));
                    return null;
                default:
                    var read = await tables.GetItemAsync(_records.Reads[keys.Next(random)]);
                    return read.Item is null ? "GetItem found no item: load the table first (--load)" : null;
            }
        });
    }
}
