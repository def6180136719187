using Microsoft.Extensions.Logging;

namespace DataTier.Cache.PubSub;

internal static partial class SiloFanoutLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sender}: {Count} items could not be delivered")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string sender, int count);
}
