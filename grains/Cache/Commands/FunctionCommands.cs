using System.Globalization;
using System.Text;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Scripting;

namespace DataTier.Cache.Commands;

/// <summary>
/// FCALL on one shard (internal form: shard, the library's SHA-1 and code, the function's name, read-only flag, the
/// caller's ACL rules (empty when it may do everything), numkeys, keys, arguments), run by <see cref="LuaEngine"/>.
/// </summary>
public static class FunctionCommands
{
    public static CacheReply Call(CacheKeyspace ks, byte[][] a)
    {
        var shard = int.Parse(Arg.Text(a[1]), CultureInfo.InvariantCulture);
        var readOnly = a[5].Length == 1 && a[5][0] == (byte)'1';
        var acl = a[6].Length == 0 ? null : Access.AclRules.ParseCached(Arg.Text(a[6]));
        var numKeys = int.Parse(Arg.Text(a[7]), CultureInfo.InvariantCulture);
        return LuaEngine.RunFunction(ks, shard, Arg.Text(a[2]), a[3], Arg.Text(a[4]), a[8..(8 + numKeys)], a[(8 + numKeys)..], readOnly, acl,
            ScriptCommands.TimeLimit);
    }

    public static byte[][] Encode(int shard, string sha, byte[] code, string function, bool readOnly, string? aclRules, byte[][] keys, byte[][] args) =>
    [
        "FCALL"u8.ToArray(), CacheNumbers.ToBytes(shard), Encoding.ASCII.GetBytes(sha), code, Encoding.UTF8.GetBytes(function),
        readOnly ? "1"u8.ToArray() : "0"u8.ToArray(), Encoding.UTF8.GetBytes(aclRules ?? ""), CacheNumbers.ToBytes(keys.Length), .. keys, .. args,
    ];
}
