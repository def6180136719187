using DataTier.Configuration;
using DataTier.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.Transactions;

/// <summary>Trims expired client tokens and old abort outcomes from the ledger at a steady pace.</summary>
public sealed partial class TransactionLedgerJanitor(ITableStore store, IOptions<TransactionOptions> options, TimeProvider time, ILogger<TransactionLedgerJanitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LedgerTrimInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                var removed = await TransactionLedger.TrimAsync(store,
                    now - (long)options.Value.IdempotencyWindow.TotalMilliseconds,
                    now - (long)options.Value.LedgerRetention.TotalMilliseconds);
                if (removed > 0) LogTrimmed(logger, removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTrimFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} expired records from the transaction ledger")]
    private static partial void LogTrimmed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming the transaction ledger failed; retried at the next interval")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception);
}
