using Xunit;
using Xunit.Abstractions;

namespace DataTier.Tests.Cache.Snapshots;

/// <summary>Function libraries are kept in the store at each change: a restarted silo process has them, as they last were.</summary>
public class FunctionRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Libraries_as_last_changed_come_back_after_a_restart()
    {
        await SiloProcessRun.RunAsync(output, "functions", async silo =>
        {
            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
            {
                Assert.Equal("\"kept\"", await redis.CallAsync("FUNCTION", "LOAD", "#!lua name=kept\nredis.register_function('k', function() return 'old' end)"));
                Assert.Equal("\"kept\"", await redis.CallAsync("FUNCTION", "LOAD", "REPLACE",
                    "#!lua name=kept\nredis.register_function{function_name='k', callback=function(keys) return keys[1] end, flags={'no-writes'}, description='d'}"));
                Assert.Equal("\"gone\"", await redis.CallAsync("FUNCTION", "LOAD", "#!lua name=gone\nredis.register_function('g', function() return 1 end)"));
                Assert.Equal("+OK", await redis.CallAsync("FUNCTION", "DELETE", "gone"));
            }
            await silo.StopAsync();
            await silo.StartAsync();

            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
            {
                Assert.Equal("\"x\"", await redis.CallAsync("FCALL_RO", "k", "1", "x"));
                Assert.Equal("-ERR Function not found", await redis.CallAsync("FCALL", "g", "0"));
                Assert.Equal("[[\"library_name\", \"kept\", \"engine\", \"LUA\", \"functions\", [[\"name\", \"k\", \"description\", \"d\", \"flags\", [+no-writes]]]]]",
                    await redis.CallAsync("FUNCTION", "LIST"));
                Assert.Equal("+OK", await redis.CallAsync("FUNCTION", "FLUSH"));
            }
            await silo.StopAsync();
            await silo.StartAsync();
            await using (var redis = await RespTestClient.ConnectAsync(silo.RespPort))
                Assert.Equal("[]", await redis.CallAsync("FUNCTION", "LIST"));
            await silo.StopAsync();
        });
    }
}
