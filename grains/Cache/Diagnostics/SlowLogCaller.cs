namespace DataTier.Cache.Diagnostics;

/// <summary>
/// The client a command comes from, as the shard that runs it needs to know it: its address (ip:port) and CLIENT SETNAME
/// name for slow log entries, and the connection's id in the cluster (<see cref="Origin"/>), which a key's invalidation
/// carries so that a client tracking with NOLOOP is not told of its own changes.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SlowLogCaller([property: Id(0)] string Address, [property: Id(1)] string Name, [property: Id(2)] string? Origin = null)
{
    /// <summary>The commands a script or function calls, named as Redis names its Lua client.</summary>
    public static readonly SlowLogCaller Script = new("?:0", "");
}
