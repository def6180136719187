using DataTier.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace DataTier.Client.Triggers;

public static class TableTriggerExtensions
{
    /// <summary>
    /// Runs <paramref name="handler"/> on every change of <paramref name="table"/> while the host runs.
    /// The trigger's <paramref name="name"/> keys its checkpoints: the same name resumes where it left off.
    /// </summary>
    public static IServiceCollection AddTableTrigger(this IServiceCollection services, string table, string name,
        Func<IServiceProvider, StreamRecord, CancellationToken, Task> handler, Action<TableTriggerOptions>? configure = null)
    {
        var options = new TableTriggerOptions();
        configure?.Invoke(options);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new TableTriggerService(sp, table, name, handler, options));
        return services;
    }
}
