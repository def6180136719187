using DataTier.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace DataTier.Client.Triggers;

/// <summary>Wakes a shard's consumer when its partition publishes records on the shard's Orleans stream.</summary>
internal sealed partial class ShardNotifications : IAsyncDisposable
{
    private StreamSubscriptionHandle<ChangeNotification>? _handle;

    public static async Task<ShardNotifications> SubscribeAsync(IServiceProvider? services, Guid tableId, int partition, SemaphoreSlim wake, ILogger logger)
    {
        var result = new ShardNotifications();
        var provider = services?.GetKeyedService<IStreamProvider>(ChangeStreams.ProviderName);
        if (provider is null) return result;
        try
        {
            var stream = provider.GetStream<ChangeNotification>(ChangeStreams.IdOf(tableId, partition));
            result._handle = await stream.SubscribeAsync((_, _) =>
            {
                if (wake.CurrentCount == 0) wake.Release();
                return Task.CompletedTask;
            });
        }
        catch (Exception e)
        {
            LogSubscribeFailed(logger, partition, e);
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is null) return;
        try
        {
            await _handle.UnsubscribeAsync();
        }
        catch (Exception)
        {
            // The cluster may be gone already; the subscription goes with it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Partition}: no Orleans stream notifications, polling only")]
    private static partial void LogSubscribeFailed(ILogger logger, int partition, Exception exception);
}
