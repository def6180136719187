using System.Text.Json;
using Xunit;

namespace DataTier.Tests.Settings;

/// <summary>The runtime settings the silo process starts with, as <c>dotnet DataTier.Silo.dll</c> reads them.</summary>
public sealed class SiloRuntimeConfigTests
{
    [Fact]
    public void Idle_thread_pool_threads_do_not_spin()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DataTier.Silo.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
