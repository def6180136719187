using DataTier.Catalog;
using DataTier.Configuration;
using DataTier.Throughput;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.AutoScaling;

/// <summary>Every <c>AutoScaling:EvaluationInterval</c>, tells the catalog the units this silo's PROVISIONED tables consumed.</summary>
public sealed partial class ConsumptionReporter(IGrainFactory grains, LocalThroughput throughput, IOptions<AutoScalingOptions> options,
    ILogger<ConsumptionReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var consumed = throughput.TakeConsumption();
                if (consumed.Count == 0) continue;
                try
                {
                    await grains.GetGrain<ITableCatalogGrain>(0).ReportConsumption(consumed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One lost report only makes one window look quieter; the next tick reports again.
                    LogReportFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report consumed capacity to the catalog")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
