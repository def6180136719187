using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataTier.Cache.Scripting;

/// <summary>
/// The Lua scripts this silo has seen (EVAL, SCRIPT LOAD), by their SHA-1 in lower-case hex, for EVALSHA. A script new
/// here is handed to every other silo too (one-way), so EVALSHA finds it whichever silo a client is connected to.
/// </summary>
public sealed class ScriptCache(IGrainFactory? grains = null, IClusterMembershipService? membership = null, ILocalSiloDetails? silo = null)
{
    private readonly ConcurrentDictionary<string, byte[]> _scripts = new(StringComparer.Ordinal);

    public static string Sha1Of(byte[] script) => Convert.ToHexStringLower(SHA1.HashData(script));

    public string Add(byte[] script)
    {
        var sha = Sha1Of(script);
        if (_scripts.TryAdd(sha, script)) Share(script);
        return sha;
    }

    /// <summary>A script another silo has seen (no further sharing).</summary>
    public void AddShared(byte[] script) => _scripts.TryAdd(Sha1Of(script), script);

    private void Share(byte[] script)
    {
        if (grains is null || membership is null || silo is null) return;
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status != SiloStatus.Active || member.SiloAddress.Equals(silo.SiloAddress)) continue;
            grains.GetGrain<PubSub.ISiloPubSubGrain>(member.SiloAddress.ToParsableString()).LoadScript(script).Ignore();
        }
    }

    public byte[]? Find(string sha) => _scripts.GetValueOrDefault(sha.ToLowerInvariant());

    public bool Contains(string sha) => _scripts.ContainsKey(sha.ToLowerInvariant());

    public void Flush() => _scripts.Clear();
}
