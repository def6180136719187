using System.Diagnostics;
using System.Text;
using DataTier.Bench.Common;

namespace DataTier.Bench.Http;

/// <summary>
/// How far a copy of a table trails it, as a client sees it: while a run goes on, puts a probe item every
/// <c>interval</c> whose <c>g1</c> no other item has, then looks for it in the copy every millisecond; the lag
/// of one probe is the time from the put's answer to the first look that finds the item. The copy is a global
/// secondary index (<see cref="ForIndex"/>) or another region's replica (<see cref="ForReplica"/>).
/// </summary>
public sealed class LagProbe(DynamoHttpClient client, string table, Func<string, string, Task<bool>> seenAsync)
{
    /// <summary>Queries index <see cref="DynamoRequests.LagIndex"/> for the probe's g1.</summary>
    public static LagProbe ForIndex(DynamoHttpClient client, string table) => new(client, table, async (_, g1) =>
    {
        var query = Utf8($$$"""{"TableName":"{{{table}}}","IndexName":"{{{DynamoRequests.LagIndex}}}","KeyConditionExpression":"g1 = :g","ExpressionAttributeValues":{":g":{"S":"{{{g1}}}"}},"Select":"COUNT"}""");
        var (s, body) = await client.SendForBodyAsync("Query", query);
        if (s != 200) throw new InvalidOperationException($"probe Query failed: {s} {body}");
        return body.Contains("\"Count\":1", StringComparison.Ordinal);
    });

    /// <summary>Gets the probe item, consistently, from the replica's region.</summary>
    public static LagProbe ForReplica(DynamoHttpClient client, DynamoHttpClient replica, string table) => new(client, table, async (pk, g1) =>
    {
        var get = Utf8($$$"""{"TableName":"{{{table}}}","Key":{"pk":{"S":"{{{pk}}}"}},"ConsistentRead":true}""");
        var (s, body) = await replica.SendForBodyAsync("GetItem", get);
        if (s != 200) throw new InvalidOperationException($"probe GetItem in the replica failed: {s} {body}");
        return body.Contains(g1, StringComparison.Ordinal);
    });

    public sealed record Result(long Samples, double MeanMillis, double P50Millis, double P99Millis, double MaxMillis, long Misses);

    public async Task<Result> RunAsync(TimeSpan warmup, TimeSpan duration, TimeSpan interval)
    {
        await Task.Delay(warmup);
        var histogram = new LatencyHistogram();
        double sum = 0, max = 0;
        long misses = 0;
        var run = Stopwatch.StartNew();
        for (var probe = 0; run.Elapsed < duration; probe++)
        {
            var next = run.Elapsed + interval;
            var g1 = $"probe-{Guid.NewGuid():N}";
            var (status, error) = await client.SendAsync("PutItem", Utf8(
                "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"lag-" + probe + "\"},\"g1\":{\"S\":\"" + g1 + "\"},\"g2\":{\"S\":\"probe\"}}}"));
            if (error is not null) throw new InvalidOperationException($"probe PutItem failed: {status} {error}");
            var written = Stopwatch.StartNew();
            var seen = false;
            while (written.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (await seenAsync("lag-" + probe, g1))
                {
                    seen = true;
                    break;
                }
                await Task.Delay(1);
            }
            var lag = written.Elapsed.TotalMilliseconds;
            if (!seen)
            {
                misses++;
                continue;
            }
            histogram.Record((long)(lag * 1000));
            sum += lag;
            max = Math.Max(max, lag);
            if (next > run.Elapsed) await Task.Delay(next - run.Elapsed);
        }
        return new Result(histogram.Count, histogram.Count == 0 ? 0 : sum / histogram.Count, histogram.PercentileMillis(50), histogram.PercentileMillis(99), max, misses);
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
