using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Each eviction policy under a silo's memory limit, on several local shards sharing one budget (no grains needed).</summary>
public sealed class CacheEvictionTests
{
    private const int Shards = 8;
    private readonly ManualTimeProvider _time = new();
    private readonly CacheMemoryBudget _budget;
    private readonly LocalCacheShards _local = new();
    private readonly ShardRunner _runner;
    private readonly CacheKeyspace[] _keyspaces;

    public CacheEvictionTests()
    {
        _budget = new CacheMemoryBudget(Options.Create(new CacheOptions { MaxMemorySamples = 10 }));
        _runner = new ShardRunner(new CacheEvictor(_budget, _local, _time), _budget, _time);
        _keyspaces = Enumerable.Range(0, Shards).Select(i =>
        {
            var ks = new CacheKeyspace(_budget);
            _local.Add(new LocalShard(i, default, null!, ks));
            return ks;
        }).ToArray();
    }

    private CacheReply Run(params string[] args)
    {
        var bytes = args.Select(Encoding.UTF8.GetBytes).ToArray();
        var spec = CommandTable.Find(bytes[0])!;
        var shard = (int)(SlotHash.Crc16(bytes[1]) % Shards);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        return _runner.TryRun(_keyspaces[shard], new ShardCommand(spec.Id, bytes))!;
    }

    private bool Exists(string key) => Run("EXISTS", key).Integer == 1;

    private long Evicted => _keyspaces.Sum(k => k.Counters.EvictedKeys);

    private static readonly string Value = new('x', 100);

    /// <summary>As in Redis, eviction runs before a command, so the command itself may leave memory one value over.</summary>
    private void AssertWithinLimit() => Assert.InRange(_budget.Used, 0, _budget.MaxMemory + 400);

    private void Limit(long bytes, EvictionPolicy policy)
    {
        _budget.MaxMemory = bytes;
        _budget.Policy = policy;
    }

    [Fact]
    public void Noeviction_refuses_writes_that_grow_memory_but_serves_reads_and_deletes()
    {
        for (var i = 0; i < 100; i++) Run("SET", $"k{i}", Value);
        Limit(_budget.Used / 2, EvictionPolicy.NoEviction);
        Assert.Equal("OOM command not allowed when used memory > 'maxmemory'.", Run("SET", "new", Value).Text);
        Assert.Equal(Value, Encoding.UTF8.GetString(Run("GET", "k1").Bytes!));
        Assert.Equal(1, Run("DEL", "k1").Integer);
        Assert.Equal(0, Evicted);
    }

    [Fact]
    public void Allkeys_lru_keeps_the_recently_used_keys()
    {
        for (var i = 0; i < 200; i++) Run("SET", $"k{i}", Value);
        Limit(_budget.Used, EvictionPolicy.AllKeysLru);
        for (var i = 0; i < 20; i++) Run("GET", $"k{i}");
        for (var i = 0; i < 100; i++) Run("SET", $"new{i}", Value);
        AssertWithinLimit();
        Assert.True(Evicted >= 100);
        Assert.True(Enumerable.Range(0, 20).Count(i => Exists($"k{i}")) >= 17, "recently read keys should survive");
    }

    [Fact]
    public void Allkeys_lfu_keeps_the_frequently_used_keys()
    {
        for (var i = 0; i < 200; i++) Run("SET", $"k{i}", Value);
        for (var round = 0; round < 50; round++)
            for (var i = 0; i < 20; i++) Run("GET", $"k{i}");
        Limit(_budget.Used, EvictionPolicy.AllKeysLfu);
        for (var i = 0; i < 100; i++) Run("SET", $"new{i}", Value);
        AssertWithinLimit();
        Assert.True(Enumerable.Range(0, 20).Count(i => Exists($"k{i}")) >= 17, "frequently read keys should survive");
    }

    [Fact]
    public void Allkeys_random_frees_memory()
    {
        for (var i = 0; i < 200; i++) Run("SET", $"k{i}", Value);
        Limit(_budget.Used / 2, EvictionPolicy.AllKeysRandom);
        Assert.Equal("OK", Run("SET", "new", Value).Text);
        AssertWithinLimit();
        Assert.InRange(Evicted, 90, 110);
    }

    [Fact]
    public void Volatile_lru_evicts_only_keys_with_a_ttl_and_refuses_when_none_is_left()
    {
        for (var i = 0; i < 100; i++) Run("SET", $"keep{i}", Value);
        for (var i = 0; i < 50; i++) Run("SET", $"tmp{i}", Value, "EX", "1000");
        Limit(_budget.Used, EvictionPolicy.VolatileLru);
        for (var i = 0; i < 40; i++) Assert.Equal("OK", Run("SET", $"new{i}", Value).Text);
        Assert.All(Enumerable.Range(0, 100), i => Assert.True(Exists($"keep{i}")));
        for (var i = 40; i < 100; i++) Run("SET", $"new{i}", Value);
        Assert.Equal(0, Enumerable.Range(0, 50).Count(i => Exists($"tmp{i}")));
        Assert.Equal("OOM command not allowed when used memory > 'maxmemory'.", Run("SET", "more", Value).Text);
    }

    [Fact]
    public void Volatile_ttl_evicts_the_keys_closest_to_expiring_first()
    {
        for (var i = 0; i < 100; i++) Run("SET", $"soon{i}", Value, "EX", "100");
        for (var i = 0; i < 100; i++) Run("SET", $"late{i}", Value, "EX", "100000");
        Limit(_budget.Used, EvictionPolicy.VolatileTtl);
        for (var i = 0; i < 50; i++) Run("SET", $"new{i}", Value);
        Assert.True(Enumerable.Range(0, 100).Count(i => Exists($"late{i}")) >= 95, "keys with long TTLs should survive");
        Assert.True(Enumerable.Range(0, 100).Count(i => Exists($"soon{i}")) <= 55);
    }

    [Fact]
    public void Memory_is_accounted_per_key_and_released_on_delete_and_expiry()
    {
        Run("SET", "a", Value);
        var one = _budget.Used;
        Assert.InRange(one, 200, 400);
        Run("HSET", "h", "f", Value);
        Run("ZADD", "z", "1", Value);
        Run("SET", "e", Value, "PX", "10");
        Assert.True(_budget.Used > one * 3);
        Run("DEL", "a");
        Run("DEL", "h");
        Run("DEL", "z");
        _time.Advance(TimeSpan.FromSeconds(1));
        foreach (var ks in _keyspaces)
            lock (ks.Gate)
            {
                ks.Now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                ks.SweepExpired();
            }
        Assert.Equal(0, _budget.Used);
        Assert.Equal(1, _keyspaces.Sum(k => k.Counters.ExpiredKeys));
    }
}
