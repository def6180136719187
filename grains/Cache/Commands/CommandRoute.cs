namespace DataTier.Cache.Commands;

/// <summary>Where a command runs.</summary>
public enum CommandRoute : byte
{
    /// <summary>In the session: connection, server and pub/sub commands.</summary>
    Session,
    /// <summary>On the shard that owns its one key (argument 1).</summary>
    SingleKey,
    /// <summary>On the shards of its keys, split by shard, with the replies combined (DEL, MGET, MSET, ...).</summary>
    MultiKey,
    /// <summary>On every shard (KEYS, SCAN, DBSIZE, ...), or across shards in steps (RENAME, MSETNX).</summary>
    Cluster,
}
