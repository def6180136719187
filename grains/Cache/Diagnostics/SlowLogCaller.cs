namespace DataTier.Cache.Diagnostics;

/// <summary>The client a command comes from, as the shard's slow log names it: its address (ip:port) and CLIENT SETNAME name.</summary>
[GenerateSerializer, Immutable]
public sealed record SlowLogCaller([property: Id(0)] string Address, [property: Id(1)] string Name)
{
    /// <summary>The commands a script or function calls, named as Redis names its Lua client.</summary>
    public static readonly SlowLogCaller Script = new("?:0", "");
}
