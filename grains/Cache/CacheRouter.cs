using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Memory;
using DataTier.Cache.Replication;

namespace DataTier.Cache;

/// <summary>
/// Sends commands to the shard that owns them. Inside a silo, a shard active on the same silo runs
/// the commands directly under its gate (no grain call: the grain takes the same gate), which is the
/// common case on a single silo; otherwise, and whenever the shard is moving, it calls the grain.
/// A router made by <see cref="NotingWrites"/> also notes, for one client, where its commands may have
/// changed keys and the replication sequence number that covers them (for WAIT).
/// </summary>
public sealed class CacheRouter
{
    private readonly IGrainFactory _grains;
    private readonly LocalCacheShards? _local;
    private readonly ShardRunner? _runner;
    private readonly ICacheShardGrain[] _shards;
    private readonly WrittenShards? _written;
    private readonly string? _origin;

    public CacheRouter(IGrainFactory grains) : this(grains, null, null)
    {
    }

    public CacheRouter(IGrainFactory grains, LocalCacheShards? local, ShardRunner? runner)
    {
        _grains = grains;
        _local = local;
        _runner = runner;
        _shards = new ICacheShardGrain[CacheSlots.ShardCount];
    }

    private CacheRouter(CacheRouter shared, WrittenShards? written, string? origin)
    {
        _grains = shared._grains;
        _local = shared._local;
        _runner = shared._runner;
        _shards = shared._shards;
        _written = written;
        _origin = origin;
    }

    /// <summary>A router for one client that notes in <paramref name="written"/> the shards its commands may change.</summary>
    public CacheRouter NotingWrites(WrittenShards written) => new(this, written, _origin);

    /// <summary>
    /// This router for a client tracking with NOLOOP: every command it sends carries the client's origin (null: none),
    /// the steps of commands across shards included, so that the client is not told of the keys they change.
    /// </summary>
    public CacheRouter WithOrigin(string? origin) => origin == _origin ? this : new(this, _written, origin);

    public ICacheShardGrain Shard(int index) => _shards[index] ??= _grains.GetGrain<ICacheShardGrain>(index);

    public static int ShardOf(ReadOnlySpan<byte> key) => CacheSlots.ShardOfKey(key);

    public ValueTask<CacheReply> Execute(int shard, ShardCommand command)
    {
        if (_origin is not null) command = WithOrigin(command);
        if (_local?.Find(shard) is { } keyspace && _runner!.TryRun(keyspace, command, out var seq) is { } reply)
        {
            if (_written is not null && CommandTable.MayChange(command.Id)) _written.Note(shard, seq);
            return ValueTask.FromResult(reply);
        }
        return CallOne(shard, command);
    }

    public ValueTask<CacheReply[]> Execute(int shard, ShardCommand[] commands)
    {
        if (_origin is not null) commands = Array.ConvertAll(commands, WithOrigin);
        if (_local?.Find(shard) is { } keyspace && _runner!.TryRun(keyspace, commands, out var seq) is { } replies)
        {
            if (_written is not null && MayChange(commands)) _written.Note(shard, seq);
            return ValueTask.FromResult(replies);
        }
        if (_written is not null && MayChange(commands)) return CallNoting(shard, commands);
        return new ValueTask<CacheReply[]>(Shard(shard).Execute(commands));
    }

    /// <summary>Whether a shard is active on this silo (its commands then complete synchronously).</summary>
    public bool IsLocal(int shard) => _local?.Find(shard) is not null;

    public Task<EntrySnapshot?> Export(byte[] key) => Shard(ShardOf(key)).Export(key);

    public async Task<bool> Import(EntrySnapshot snapshot, bool onlyIfAbsent, string? notify = null)
    {
        var shard = ShardOf(snapshot.Key);
        var stored = await Shard(shard).Import(snapshot, onlyIfAbsent, notify, _origin);
        // Rare (stores across shards): WAIT then takes every change the shard has made by its time.
        _written?.Note(shard, -1);
        return stored;
    }

    /// <summary>Runs one command on every shard, in parallel, and returns the replies by shard index.</summary>
    public async Task<CacheReply[]> OnAllShards(ShardCommand command)
    {
        var tasks = new Task<CacheReply>[CacheSlots.ShardCount];
        for (var i = 0; i < tasks.Length; i++) tasks[i] = Execute(i, command).AsTask();
        return await Task.WhenAll(tasks);
    }

    private async ValueTask<CacheReply> CallOne(int shard, ShardCommand command)
    {
        if (_written is not null && CommandTable.MayChange(command.Id)) return (await CallNoting(shard, [command]))[0];
        return (await Shard(shard).Execute([command]))[0];
    }

    private async ValueTask<CacheReply[]> CallNoting(int shard, ShardCommand[] commands)
    {
        var execution = await Shard(shard).ExecuteNoting(commands);
        _written!.Note(shard, execution.ReplicationSeq);
        return execution.Replies;
    }

    private ShardCommand WithOrigin(ShardCommand command) =>
        command.Origin is not null ? command : new ShardCommand(command.Id, command.Args) { Caller = command.Caller, Origin = _origin, Serial = command.Serial };

    private static bool MayChange(ShardCommand[] commands)
    {
        foreach (var command in commands)
            if (CommandTable.MayChange(command.Id)) return true;
        return false;
    }
}
