using DataTier.Tests.Cache;
using Xunit;

namespace DataTier.Tests.Membership;

/// <summary>One redis-server on loopback for a test class.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;

    public string ConnectionString => $"127.0.0.1:{_server!.Port}";

    public async Task InitializeAsync() => _server = await RedisServerProcess.StartAsync();

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
