using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;

namespace DataTier.Cache;

/// <summary>
/// Sends commands to the shard that owns them. Inside a silo, a shard active on the same silo runs
/// the commands directly under its gate (no grain call: the grain takes the same gate), which is the
/// common case on a single silo; otherwise, and whenever the shard is moving, it calls the grain.
/// </summary>
public sealed class CacheRouter
{
    private readonly IGrainFactory _grains;
    private readonly LocalCacheShards? _local;
    private readonly ShardRunner? _runner;
    private readonly ICacheShardGrain[] _shards = new ICacheShardGrain[CacheSlots.ShardCount];

    public CacheRouter(IGrainFactory grains) : this(grains, null, null)
    {
    }

    public CacheRouter(IGrainFactory grains, LocalCacheShards? local, ShardRunner? runner)
    {
        _grains = grains;
        _local = local;
        _runner = runner;
    }

    public ICacheShardGrain Shard(int index) => _shards[index] ??= _grains.GetGrain<ICacheShardGrain>(index);

    public static int ShardOf(ReadOnlySpan<byte> key) => CacheSlots.ShardOfKey(key);

    public ValueTask<CacheReply> Execute(int shard, ShardCommand command)
    {
        if (_local?.Find(shard) is { } keyspace && _runner!.TryRun(keyspace, command) is { } reply) return ValueTask.FromResult(reply);
        return CallOne(shard, command);
    }

    public ValueTask<CacheReply[]> Execute(int shard, ShardCommand[] commands)
    {
        if (_local?.Find(shard) is { } keyspace && _runner!.TryRun(keyspace, commands) is { } replies) return ValueTask.FromResult(replies);
        return new ValueTask<CacheReply[]>(Shard(shard).Execute(commands));
    }

    /// <summary>Whether a shard is active on this silo (its commands then complete synchronously).</summary>
    public bool IsLocal(int shard) => _local?.Find(shard) is not null;

    public Task<EntrySnapshot?> Export(byte[] key) => Shard(ShardOf(key)).Export(key);

    public Task<bool> Import(EntrySnapshot snapshot, bool onlyIfAbsent, string? notify = null) => Shard(ShardOf(snapshot.Key)).Import(snapshot, onlyIfAbsent, notify);

    /// <summary>Runs one command on every shard, in parallel, and returns the replies by shard index.</summary>
    public async Task<CacheReply[]> OnAllShards(ShardCommand command)
    {
        var tasks = new Task<CacheReply>[CacheSlots.ShardCount];
        for (var i = 0; i < tasks.Length; i++) tasks[i] = Execute(i, command).AsTask();
        return await Task.WhenAll(tasks);
    }

    private async ValueTask<CacheReply> CallOne(int shard, ShardCommand command) => (await Shard(shard).Execute([command]))[0];
}
