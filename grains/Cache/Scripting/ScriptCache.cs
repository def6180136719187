using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataTier.Cache.Scripting;

/// <summary>The Lua scripts this silo has seen (EVAL, SCRIPT LOAD), by their SHA-1 in lower-case hex, for EVALSHA.</summary>
public sealed class ScriptCache
{
    private readonly ConcurrentDictionary<string, byte[]> _scripts = new(StringComparer.Ordinal);

    public static string Sha1Of(byte[] script) => Convert.ToHexStringLower(SHA1.HashData(script));

    public string Add(byte[] script)
    {
        var sha = Sha1Of(script);
        _scripts.TryAdd(sha, script);
        return sha;
    }

    public byte[]? Find(string sha) => _scripts.GetValueOrDefault(sha.ToLowerInvariant());

    public bool Contains(string sha) => _scripts.ContainsKey(sha.ToLowerInvariant());

    public void Flush() => _scripts.Clear();
}
