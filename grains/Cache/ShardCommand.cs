using DataTier.Cache.Commands;

namespace DataTier.Cache;

/// <summary>One command for one shard: its id and its arguments, the command name first, as sent.</summary>
[GenerateSerializer, Immutable]
public sealed class ShardCommand(CommandId id, byte[][] args)
{
    [Id(0)] public CommandId Id { get; } = id;

    [Id(1)] public byte[][] Args { get; } = args;

    /// <summary>The client that sent the command, for the slow log; null for the steps a command is split into.</summary>
    [Id(2)] public Diagnostics.SlowLogCaller? Caller { get; init; }

    /// <summary>
    /// The connection's id in the cluster when it tracks keys, for a command it sends and for the steps of its commands
    /// across shards: a key's invalidation carries it, so that a client tracking with NOLOOP is not told of its own
    /// changes. Null otherwise.
    /// </summary>
    [Id(3)] public string? Origin { get; init; }

    /// <summary>
    /// The command's serial number among those its connection sent, while that connection tracks keys (and for a flush
    /// always), which the keys it changes carry to the tracking tables (see <see cref="Tracking.KeyChange"/>); 0 otherwise.
    /// </summary>
    [Id(4)] public long Serial { get; init; }
}
