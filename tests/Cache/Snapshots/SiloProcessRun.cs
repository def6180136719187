using DataTier.Tests.Processes;
using DataTier.Tests.Wire;
using Xunit.Abstractions;

namespace DataTier.Tests.Cache.Snapshots;

/// <summary>A silo process of its own, in a fresh data directory, for tests that stop and start it; its output goes to the test's log when the test fails.</summary>
public static class SiloProcessRun
{
    public static async Task RunAsync(ITestOutputHelper output, string name, Func<SiloProcess, Task> test)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"datatier-{name}-" + Guid.NewGuid().ToString("N"));
        using var silo = new SiloProcess(directory);
        try
        {
            await silo.StartAsync();
            await test(silo);
        }
        catch
        {
            output.WriteLine(silo.Output);
            throw;
        }
        finally
        {
            silo.Dispose();
            SiloFixture.DeleteDirectory(directory);
        }
    }
}
