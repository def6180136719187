using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Scripting;

/// <summary>
/// Where <c>redis.log</c> writes: the silo's log, category <c>DataTier.Cache.Scripts</c>, at Debug for LOG_DEBUG and
/// LOG_VERBOSE, Information for LOG_NOTICE and Warning for LOG_WARNING. Static because scripts run on whichever thread
/// holds their shard's gate, with that thread's Lua state; set when the cache starts (silos in one process share it).
/// </summary>
public static class ScriptLog
{
    private static ILogger? s_logger;
    [ThreadStatic] private static ILogger? t_logger;

    public static void Use(ILoggerFactory factory) => s_logger = factory.CreateLogger("DataTier.Cache.Scripts");

    /// <summary>A logger for the scripts this thread runs, before the process-wide one (tests).</summary>
    internal static void UseOnThisThread(ILogger? logger) => t_logger = logger;

    internal static void Write(int level, string message)
    {
        var logger = t_logger ?? s_logger;
        var logLevel = level switch
        {
            0 or 1 => LogLevel.Debug,
            2 => LogLevel.Information,
            _ => LogLevel.Warning,
        };
        if (logger is null || !logger.IsEnabled(logLevel)) return;
        logger.Log(logLevel, "{ScriptMessage}", message);
    }
}
