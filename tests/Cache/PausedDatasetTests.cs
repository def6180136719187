using System.Text;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// A silo's shards while its clients are paused (no grains needed): expired keys stay in place and nothing is evicted,
/// and a write that still reaches such a key (another silo's client, or memcached's) expires it first.
/// </summary>
public sealed class PausedDatasetTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly CacheMemoryBudget _budget = new(Options.Create(new CacheOptions { MaxMemorySamples = 10 }));
    private readonly DatasetHold _hold = new();
    private readonly ShardRunner _runner;
    private readonly CacheKeyspace _keyspace;

    public PausedDatasetTests()
    {
        var local = new LocalCacheShards();
        _runner = new ShardRunner(new CacheEvictor(_budget, local, _time, _hold), _budget, _time);
        _keyspace = new CacheKeyspace(_budget) { Hold = _hold };
        local.Add(new LocalShard(0, default, null!, _keyspace));
    }

    private CacheReply Run(params string[] args)
    {
        var bytes = args.Select(Encoding.UTF8.GetBytes).ToArray();
        return _runner.TryRun(_keyspace, new ShardCommand(CommandTable.Find(bytes[0])!.Id, bytes))!;
    }

    /// <summary>A memcached operation, as the endpoint sends it to the shard (not in the RESP command table).</summary>
    private CacheReply RunItem(CommandId id, params string[] args) =>
        _runner.TryRun(_keyspace, new ShardCommand(id, [.. args.Select(Encoding.UTF8.GetBytes)]))!;

    private void ExpireAll(int keys)
    {
        for (var i = 0; i < keys; i++) Run("SET", $"k{i}", "v", "PX", "10");
        _time.Advance(TimeSpan.FromMilliseconds(20));
    }

    private int Sweep()
    {
        lock (_keyspace.Gate) return _keyspace.SweepExpired();
    }

    [Fact]
    public void An_expired_key_reads_as_gone_but_stays_until_the_hold_ends()
    {
        ExpireAll(3);
        _hold.Active = true;
        Assert.Null(Run("GET", "k0").Bytes);
        Assert.Equal(0, Run("EXISTS", "k1").Integer);
        Assert.Equal(0, Sweep());
        lock (_keyspace.Gate) Assert.Null(_keyspace.RandomEntry(volatileOnly: false));
        Assert.Equal(3, _keyspace.Count);
        Assert.Equal(0, _keyspace.Counters.ExpiredKeys);

        _hold.Active = false;
        Assert.Null(Run("GET", "k0").Bytes);
        Assert.Equal(2, _keyspace.Count);
        Assert.Equal(2, Sweep());
        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(3, _keyspace.Counters.ExpiredKeys);
    }

    [Fact]
    public void A_write_to_a_held_expired_key_expires_it_first()
    {
        ExpireAll(3);
        _hold.Active = true;
        Assert.Equal("OK", Run("SET", "k0", "new").Text);
        Assert.Equal(1, Run("INCR", "k1").Integer);
        Assert.Equal(1, Run("RPUSH", "k2", "x").Integer);
        Assert.Equal("new", Encoding.UTF8.GetString(Run("GET", "k0").Bytes!));
        Assert.Equal(-1, Run("PTTL", "k1").Integer);
        Assert.Equal(3, _keyspace.Count);
        Assert.Equal(3, _keyspace.Counters.ExpiredKeys);
    }

    [Fact]
    public void A_held_expired_item_counts_in_get_expired_once_however_often_memcached_finds_it()
    {
        ExpireAll(2);
        _hold.Active = true;
        for (var i = 0; i < 3; i++) Assert.Equal(ReplyKind.Null, RunItem(CommandId.McGet, "get", "k0").Kind);
        Assert.Equal("NOT_FOUND", RunItem(CommandId.McTouch, "touch", "k0", "0").Text);
        Assert.Equal("NOT_STORED", RunItem(CommandId.McStore, "mcstore", "k0", "replace", "0", "0", "x", "0").Text);
        Assert.Equal(1, _keyspace.Counters.GetExpired);
        Assert.Equal(2, _keyspace.Count);
        Assert.Equal("NOT_FOUND", RunItem(CommandId.McDelete, "mcdelete", "k1", "0").Text);
        Assert.Equal(2, _keyspace.Counters.GetExpired);

        // memcached removed the item when it counted it: once the hold ends, its removal counts no second time.
        _hold.Active = false;
        Assert.Equal(ReplyKind.Null, RunItem(CommandId.McGet, "get", "k0").Kind);
        Assert.Equal(2, _keyspace.Counters.GetExpired);
        Assert.Equal(1, _keyspace.Count);
    }

    [Theory]
    [InlineData(EvictionPolicy.AllKeysLru)]
    [InlineData(EvictionPolicy.NoEviction)]
    public void Nothing_is_evicted_or_refused_for_memory_while_held(EvictionPolicy policy)
    {
        for (var i = 0; i < 100; i++) Run("SET", $"k{i}", new string('x', 100));
        _budget.MaxMemory = _budget.Used / 2;
        _budget.Policy = policy;
        _hold.Active = true;
        Assert.Equal("OK", Run("SET", "held", "v").Text);
        Assert.Equal(101, _keyspace.Count);
        Assert.Equal(0, _keyspace.Counters.EvictedKeys);

        _hold.Active = false;
        var after = Run("SET", "after", "v");
        if (policy == EvictionPolicy.NoEviction) Assert.StartsWith("OOM", after.Text);
        else Assert.True(_keyspace.Counters.EvictedKeys > 0);
    }
}
