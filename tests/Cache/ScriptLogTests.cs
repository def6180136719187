using System.Text;
using DataTier.Cache;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using DataTier.Cache.Scripting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>redis.log writes to the silo's log; its argument errors are the scripts' (and over the wire in the differential tests).</summary>
public sealed class ScriptLogTests
{
    private sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    private static CacheReply Run(string script)
    {
        var ks = new CacheKeyspace(new CacheMemoryBudget(Options.Create(new CacheOptions())));
        var source = Encoding.UTF8.GetBytes(script);
        return LuaEngine.Run(ks, 0, ScriptCache.Sha1Of(source), source, [], [], false, null, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Redis_log_writes_its_text_parts_at_the_level_it_names()
    {
        var logger = new CapturingLogger();
        ScriptLog.UseOnThisThread(logger);
        try
        {
            Assert.Equal(ReplyKind.Integer, Run("""
                redis.log(redis.LOG_WARNING, 'disk', 'at', 93, 'percent', {})
                redis.log(redis.LOG_NOTICE, 'notice')
                redis.log(redis.LOG_VERBOSE, 'verbose')
                redis.log(redis.LOG_DEBUG, 'debug')
                return 1
                """).Kind);
            Assert.Equal([(LogLevel.Warning, "disk at 93 percent"), (LogLevel.Information, "notice"), (LogLevel.Debug, "verbose"), (LogLevel.Debug, "debug")],
                logger.Lines);
            Assert.StartsWith("ERR Invalid debug level. script: ", Run("redis.log(4, 'x')").Text);
            Assert.StartsWith("ERR redis.log() requires two arguments or more. script: ", Run("redis.log(3)").Text);
            Assert.Equal(4, logger.Lines.Count);
        }
        finally
        {
            ScriptLog.UseOnThisThread(null);
        }
    }
}
