using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataTier.Cache.Scripting;

/// <summary>Points <see cref="ScriptLog"/> at the silo's logging when the host starts.</summary>
internal sealed class ScriptLogSetup(ILoggerFactory factory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ScriptLog.Use(factory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
