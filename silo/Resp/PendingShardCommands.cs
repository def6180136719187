using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>
/// The commands of a pipeline grouped by owning shard, so each shard gets one batched call (or, when
/// it is local, one pass under its gate); within a shard they keep their order. Replies land in their
/// command's slot, or in the join of a split multi-key command.
/// </summary>
public sealed class PendingShardCommands
{
    private readonly Dictionary<int, Group> _groups = [];
    private readonly List<MultiKeyJoin> _joins = [];

    // Groups emptied by earlier flushes: a pipelined connection flushes on every read, and reusing
    // them (with the lists they have grown) spares a group and two lists per shard per read.
    private readonly Stack<Group> _spare = [];

    // Keys the queued commands may change, noted for a client that tracks the keys it reads.
    private readonly HashSet<byte[]> _changing = new(DataTier.Cache.Keyspace.ByteArrayComparer.Instance);

    public bool IsEmpty => _groups.Count == 0;

    /// <summary>Set for a READONLY client: a shard's group of read-only commands may then be served by a replica.</summary>
    public DataTier.Cache.Replication.ReplicaReads? ReplicaReads { get; set; }

    public void Add(int shard, ShardCommand command, int slot) => GroupOf(shard).Add(command, new Target(slot, null, 0));

    public void Add(int shard, ShardCommand command, MultiKeyJoin join, int part) => GroupOf(shard).Add(command, new Target(-1, join, part));

    public void AddJoin(MultiKeyJoin join) => _joins.Add(join);

    /// <summary>Notes keys that a command just queued may change.</summary>
    public void NoteChanging(IEnumerable<byte[]> keys)
    {
        foreach (var key in keys) _changing.Add(key);
    }

    /// <summary>Whether a queued command may change one of the keys (as noted by <see cref="NoteChanging"/>).</summary>
    public bool Changes(List<byte[]> keys)
    {
        if (_changing.Count == 0) return false;
        foreach (var key in keys)
            if (_changing.Contains(key)) return true;
        return false;
    }

    /// <summary>Runs every group, the shards in parallel, and fills the outcomes.</summary>
    public async ValueTask FlushAsync(CacheRouter router, object?[] outcomes)
    {
        _changing.Clear();
        if (_groups.Count == 0) return;
        if (_groups.Count == 1)
        {
            foreach (var (shard, group) in _groups) await RunAsync(router, ReplicaReads, shard, group, outcomes);
        }
        else
        {
            var running = new List<ValueTask>(_groups.Count);
            foreach (var (shard, group) in _groups) running.Add(RunAsync(router, ReplicaReads, shard, group, outcomes));
            foreach (var task in running) await task;
        }
        foreach (var join in _joins) outcomes[join.Slot] = join.Combine();
        foreach (var group in _groups.Values)
        {
            if (!group.Clear()) continue;
            _spare.Push(group);
        }
        _groups.Clear();
        _joins.Clear();
    }

    private static async ValueTask RunAsync(CacheRouter router, DataTier.Cache.Replication.ReplicaReads? replicaReads, int shard, Group group, object?[] outcomes)
    {
        try
        {
            if (replicaReads is not null && group.ReadsOnly)
            {
                var read = await replicaReads.Execute(shard, [.. group.Commands]);
                for (var i = 0; i < read.Length; i++) group.Deliver(i, read[i], outcomes);
                return;
            }
            if (group.Commands.Count == 1)
            {
                group.Deliver(0, await router.Execute(shard, group.Commands[0]), outcomes);
                return;
            }
            var replies = await router.Execute(shard, [.. group.Commands]);
            for (var i = 0; i < replies.Length; i++) group.Deliver(i, replies[i], outcomes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = CacheReply.Error("ERR " + ex.Message.ReplaceLineEndings(" "));
            for (var i = 0; i < group.Commands.Count; i++) group.Deliver(i, error, outcomes);
        }
    }

    private Group GroupOf(int shard)
    {
        if (!_groups.TryGetValue(shard, out var group)) _groups[shard] = group = _spare.TryPop(out var spare) ? spare : new Group();
        return group;
    }

    private readonly record struct Target(int Slot, MultiKeyJoin? Join, int Part);

    private sealed class Group
    {
        private const int MaxKeptCommands = 256;

        public List<ShardCommand> Commands { get; } = [];
        private readonly List<Target> _targets = [];

        /// <summary>Whether every command of the group only reads.</summary>
        public bool ReadsOnly { get; private set; } = true;

        public void Add(ShardCommand command, Target target)
        {
            ReadsOnly &= DataTier.Cache.Commands.CommandTable.ReadsOnly(command.Id);
            Commands.Add(command);
            _targets.Add(target);
        }

        /// <summary>Empties the group; false when it has grown too large to keep (a bulk load through one connection).</summary>
        public bool Clear()
        {
            Commands.Clear();
            _targets.Clear();
            return Commands.Capacity <= MaxKeptCommands;
        }

        public void Deliver(int index, CacheReply reply, object?[] outcomes)
        {
            var target = _targets[index];
            if (target.Join is null) outcomes[target.Slot] = reply;
            else target.Join.SetReply(target.Part, reply);
        }
    }
}
