using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>An EVAL or EVALSHA ready for its shard, or the error it answers instead (<see cref="Error"/> set).</summary>
internal readonly record struct PreparedScript(CacheReply? Error, byte[][] Keys, string Sha, byte[] Source, bool ReadOnly, byte[][] Args)
{
    public static PreparedScript Failed(CacheReply error) => new(error, [], "", [], false, []);
}
