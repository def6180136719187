using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>The replies of a (P)SUBSCRIBE or (P)UNSUBSCRIBE: one confirmation per channel, each a RESP3 push or a RESP2 array.</summary>
public sealed class PushSequence
{
    public List<CacheReply[]> Messages { get; } = [];
}
