using DataTier.Catalog;
using Microsoft.Extensions.Logging;

namespace DataTier.Hosting;

/// <summary>
/// Activates the table catalog once the silo serves, so its timers (prompting shippers, index feeders and owed
/// messages after a restart, auto scaling, recovery folds) run without waiting for a request to touch it.
/// </summary>
internal sealed partial class CatalogActivator(IGrainFactory grains, ILogger<CatalogActivator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CatalogActivator), ServiceLifecycleStage.Active, _ =>
        {
            ActivateAsync().Ignore();
            return Task.CompletedTask;
        });

    private async Task ActivateAsync()
    {
        try
        {
            await grains.GetGrain<ITableCatalogGrain>(0).Describe("");
        }
        catch (Exception e)
        {
            LogNotActivated(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The table catalog was not activated at start-up; it is when a request first needs it")]
    private static partial void LogNotActivated(ILogger logger, Exception exception);
}
