using DataTier.Tests.Processes;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>One silo process with its RESP endpoint, and a real redis-server beside it, shared by the "cache-wire" collection.</summary>
public sealed class CacheSiloFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "datatier-cache-" + Guid.NewGuid().ToString("N"));

    public SiloProcess Silo { get; private set; } = null!;

    public RedisServerProcess Redis { get; private set; } = null!;

    public int RespPort => Silo.RespPort;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Silo = new SiloProcess(_dataDirectory, ["--Cache:ActiveExpiryInterval=00:00:00.050",
            .. AclTests.Users.SelectMany(u => new[] { $"--Cache:Users:{u.Name}={AclTests.Password}", $"--Cache:UserAccess:{u.Name}={u.Rules}" })]);
        var redis = RedisServerProcess.StartAsync();
        await Silo.StartAsync();
        Redis = await redis;
    }

    public Task<RespTestClient> ConnectAsync() => RespTestClient.ConnectAsync(RespPort);

    public async Task DisposeAsync()
    {
        Redis?.Dispose();
        if (Silo is not null)
        {
            try
            {
                if (Silo.IsRunning) await Silo.StopAsync();
            }
            finally
            {
                Silo.Dispose();
            }
        }
        SiloFixture.DeleteDirectory(_dataDirectory);
    }
}

[CollectionDefinition("cache-wire")]
public sealed class CacheWireCollection : ICollectionFixture<CacheSiloFixture>;
