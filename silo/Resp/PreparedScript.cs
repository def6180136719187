using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>
/// An EVAL, EVALSHA or FCALL ready for its shard, or the error it answers instead (<see cref="Error"/> set). For FCALL,
/// <see cref="Function"/> names the function and <see cref="Sha"/> and <see cref="Source"/> are its library's.
/// </summary>
internal readonly record struct PreparedScript(CacheReply? Error, byte[][] Keys, string Sha, byte[] Source, bool ReadOnly, byte[][] Args, string? Function = null)
{
    public static PreparedScript Failed(CacheReply error) => new(error, [], "", [], false, []);
}
