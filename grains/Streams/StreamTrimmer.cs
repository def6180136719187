using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Streams;

/// <summary>Removes stream records older than the retention period from every shard (open or closed by a split) of every table's latest stream.</summary>
public sealed partial class StreamTrimmer(IGrainFactory grains, ITableStore store, IOptions<StreamOptions> options, TimeProvider time, ILogger<StreamTrimmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrimInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TrimAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTrimFailed(logger, e);
            }
        }
    }

    public async Task TrimAsync()
    {
        var catalog = grains.GetGrain<ITableCatalogGrain>(0);
        var horizon = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.RetentionPeriod.TotalMilliseconds;
        string? after = null;
        do
        {
            var page = await catalog.List(after, 100);
            foreach (var name in page.TableNames)
            {
                if (await catalog.Describe(name) is not { LatestStreamLabel: { } label } table) continue;
                foreach (var partition in table.Partitions.AllIds)
                    await TrimLogAsync(table.Id, StreamLog.NameOf(label, partition), horizon);
            }
            after = page.LastEvaluatedTableName;
        } while (after is not null);
    }

    private async Task TrimLogAsync(Guid tableId, string log, long horizon)
    {
        long keepFrom = 0;
        for (long from = 0; ; )
        {
            var batch = await store.ReadChangesAsync(tableId, log, from, 512);
            foreach (var change in batch)
            {
                if (StreamRecordCodec.Decode(change.Sequence, change.Payload).CreatedMs >= horizon)
                {
                    if (keepFrom > 0) await store.TrimChangesAsync(tableId, log, keepFrom);
                    return;
                }
                // The newest expired record stays: it keeps the shard's sequence numbers growing across restarts.
                keepFrom = change.Sequence;
            }
            if (batch.Count < 512)
            {
                if (keepFrom > 0) await store.TrimChangesAsync(tableId, log, keepFrom);
                return;
            }
            from = batch[^1].Sequence + 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming stream records failed; retried at the next interval")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception);
}
