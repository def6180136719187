using System.Diagnostics;
using System.Text;
using DataTier.Bench.Common;

namespace DataTier.Bench.Http;

/// <summary>
/// How far a global secondary index trails its table, as a client sees it: while a run goes on, puts
/// a probe item every <c>interval</c> whose <c>g1</c> no other item has, then queries the index
/// <see cref="DynamoRequests.LagIndex"/> for it every millisecond; the lag of one probe is the time
/// from the put's answer to the first query that returns the item.
/// </summary>
public sealed class GsiLagProbe(DynamoHttpClient client, string table)
{
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
            var query = Utf8($$$"""{"TableName":"{{{table}}}","IndexName":"{{{DynamoRequests.LagIndex}}}","KeyConditionExpression":"g1 = :g","ExpressionAttributeValues":{":g":{"S":"{{{g1}}}"}},"Select":"COUNT"}""");
            var seen = false;
            while (written.Elapsed < TimeSpan.FromSeconds(10))
            {
                var (s, body) = await client.SendForBodyAsync("Query", query);
                if (s != 200) throw new InvalidOperationException($"probe Query failed: {s} {body}");
                if (body.Contains("\"Count\":1", StringComparison.Ordinal))
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
