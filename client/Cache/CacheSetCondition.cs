namespace DataTier.Client.Cache;

/// <summary>When a set applies: always, only if the key is absent (NX), or only if it exists (XX).</summary>
public enum CacheSetCondition
{
    Always,
    IfAbsent,
    IfExists,
}
