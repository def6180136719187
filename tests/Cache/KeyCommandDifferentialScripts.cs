namespace DataTier.Tests.Cache;

/// <summary>
/// Scripts for <see cref="DifferentialScripts"/> of COPY, OBJECT, LCS, HRANDFIELD and SORT: each reply compared with
/// redis-server's. Keys named <c>src</c>/<c>dst</c>, <c>a</c>/<c>b</c> and the like are on different shards of the cache
///, keys sharing a <c>{tag}</c> on one.
/// </summary>
public static class KeyCommandDifferentialScripts
{
    /// <summary>HRANDFIELD: random picks compared where they are determined (the whole hash, a one-field hash).</summary>
    public static readonly string[] HashRandomFields =
    [
        "HSET h a 1 b 2 c 3", "HRANDFIELD h 3", "HRANDFIELD h 5 WITHVALUES", "HRANDFIELD h 3 withvalues", "HRANDFIELD h 0", "HRANDFIELD h 0 WITHVALUES",
        "HSET one f v", "HRANDFIELD one", "HRANDFIELD one 1", "HRANDFIELD one -3", "HRANDFIELD one -2 WITHVALUES", "HRANDFIELD one 9 WITHVALUES",
        "HRANDFIELD nokey", "HRANDFIELD nokey 3", "HRANDFIELD nokey -3 WITHVALUES", "HRANDFIELD nokey 0",
        "HRANDFIELD h x", "HRANDFIELD h 1.5", "HRANDFIELD h 1 WITHVALUES x", "HRANDFIELD h 1 FOO", "HRANDFIELD h -2 x",
        "HRANDFIELD h -9223372036854775808", "HRANDFIELD h -9223372036854775807 WITHVALUES", "HRANDFIELD h 9223372036854775807 WITHVALUES",
        "HRANDFIELD h 4611686018427387903 WITHVALUES", "HRANDFIELD h -4611686018427387904 WITHVALUES", "HRANDFIELD",
        "SET s v", "HRANDFIELD s", "HRANDFIELD s 0", "HRANDFIELD s 2 WITHVALUES", "HRANDFIELD s x",
        "HELLO 3", "HRANDFIELD one -2 WITHVALUES", "HRANDFIELD h 3 WITHVALUES", "HRANDFIELD one", "HRANDFIELD nokey", "HRANDFIELD nokey 2 WITHVALUES", "HELLO 2",
    ];
}
