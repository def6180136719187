namespace DataTier.Silo.Resp.Tracking;

/// <summary>
/// While this silo has tracking clients, tells the other silos again every two seconds, so a silo that joins the
/// cluster after a client turned tracking on starts reporting its changed keys too.
/// </summary>
public sealed class TrackingAnnouncer(TrackingTable table, RespServices services, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            if (table.HasClients) await services.AnnounceTrackingAsync();
    }
}
