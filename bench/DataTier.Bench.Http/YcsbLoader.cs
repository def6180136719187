namespace DataTier.Bench.Http;

/// <summary>Creates the YCSB tables (existing ones are fine) and loads every record with BatchWriteItem.</summary>
public sealed class YcsbLoader(DynamoHttpClient client, YcsbRequests ycsb, int concurrency)
{
    public async Task LoadAsync()
    {
        foreach (var create in new[] { ycsb.CreateTable(), ycsb.CreateRangeTable() })
        {
            var (status, error) = await client.SendAsync("CreateTable", create);
            if (status != 200 && error?.Contains("ResourceInUseException", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"CreateTable failed: {status} {error}");
        }
        await client.WaitUntilActiveAsync(ycsb.Table);
        await client.WaitUntilActiveAsync(ycsb.RangeTable);

        using var batches = ycsb.LoadBatches().GetEnumerator();
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, 16)).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                (string Table, List<string> Items) batch;
                lock (gate)
                {
                    if (!batches.MoveNext()) return;
                    batch = batches.Current;
                }
                await WriteAsync(batch.Table, batch.Items);
            }
        })));
    }

    private async Task WriteAsync(string table, List<string> items)
    {
        var (status, body) = await client.SendForBodyAsync("BatchWriteItem", YcsbRequests.BatchWrite(table, items));
        if (status != 200) throw new InvalidOperationException($"loading {table} failed: BatchWriteItem {status} {body}");
        if (body.Replace(" ", "", StringComparison.Ordinal).Contains("\"UnprocessedItems\":{}", StringComparison.Ordinal)) return;
        // Some items were not processed: put each one on its own.
        foreach (var item in items)
        {
            var (s, e) = await client.SendAsync("PutItem", YcsbRequests.Put(table, item));
            if (e is not null) throw new InvalidOperationException($"loading {table} failed: PutItem {s} {e}");
        }
    }
}
