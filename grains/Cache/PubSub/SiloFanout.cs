using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.PubSub;

/// <summary>
/// What this silo's shards raise for every silo (keyspace notifications, keys changed for CLIENT TRACKING): items are
/// queued in the order raised (under the shards' gates) and one sender delivers them in that order, in batches.
/// </summary>
public abstract class SiloFanout<T>(ILogger logger) : BackgroundService
{
    private const int MaxBatch = 1024;
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    protected void Enqueue(T item) => _items.Writer.TryWrite(item);

    /// <summary>Delivers a batch to this silo and the others; a silo that is leaving may miss it.</summary>
    protected abstract Task DeliverAsync(List<T> batch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _items.Reader;
        var batch = new List<T>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await DeliverAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SiloFanoutLog.DeliveryFailed(logger, ex, GetType().Name, batch.Count);
            }
            batch.Clear();
        }
    }
}
