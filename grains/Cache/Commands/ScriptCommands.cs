using System.Globalization;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Scripting;

namespace DataTier.Cache.Commands;

/// <summary>
/// EVAL on one shard (internal form: shard, SHA-1, source, read-only flag, the caller's ACL rules (empty when it may do
/// everything), numkeys, keys, arguments), run by <see cref="LuaEngine"/>.
/// </summary>
public static class ScriptCommands
{
    /// <summary>How long a script may run before it is stopped (Redis' busy-script limit is also 5 s).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    public static CacheReply Eval(CacheKeyspace ks, byte[][] a)
    {
        var shard = int.Parse(Arg.Text(a[1]), CultureInfo.InvariantCulture);
        var sha = Arg.Text(a[2]);
        var readOnly = a[4].Length == 1 && a[4][0] == (byte)'1';
        var acl = a[5].Length == 0 ? null : Access.AclRules.ParseCached(Arg.Text(a[5]));
        var numKeys = int.Parse(Arg.Text(a[6]), CultureInfo.InvariantCulture);
        return LuaEngine.Run(ks, shard, sha, a[3], a[7..(7 + numKeys)], a[(7 + numKeys)..], readOnly, acl, TimeLimit);
    }

    public static byte[][] Encode(int shard, string sha, byte[] source, bool readOnly, string? aclRules, byte[][] keys, byte[][] args) =>
    [
        "EVAL"u8.ToArray(), CacheNumbers.ToBytes(shard), System.Text.Encoding.ASCII.GetBytes(sha), source,
        readOnly ? "1"u8.ToArray() : "0"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(aclRules ?? ""), CacheNumbers.ToBytes(keys.Length), .. keys, .. args,
    ];
}
