using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>
/// The silo's log of refused commands and failed logins (ACL LOG), newest first, at most <see cref="Capacity"/> entries.
/// A refusal like one logged less than a minute before (same reason, context, object and user) counts on that entry, as in Redis.
/// </summary>
public sealed class AclLog(TimeProvider time)
{
    public const int Capacity = 128;

    private sealed class Entry
    {
        public required string Reason { get; init; }
        public required string Context { get; init; }
        public required string Object { get; init; }
        public required string User { get; init; }
        public long Count { get; set; } = 1;
        public DateTimeOffset At { get; set; }
        public string ClientInfo { get; set; } = "";
    }

    private readonly LinkedList<Entry> _entries = new();
    private readonly Lock _gate = new();

    /// <param name="reason">command, key, channel or auth.</param>
    /// <param name="context">toplevel, multi or lua.</param>
    public void Add(string reason, string context, string subject, string user, string clientInfo)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                var e = node.Value;
                if (e.Reason != reason || e.Context != context || e.Object != subject || e.User != user || now - e.At > TimeSpan.FromSeconds(60)) continue;
                e.Count++;
                e.At = now;
                e.ClientInfo = clientInfo;
                _entries.Remove(node);
                _entries.AddFirst(node);
                return;
            }
            _entries.AddFirst(new Entry { Reason = reason, Context = context, Object = subject, User = user, At = now, ClientInfo = clientInfo });
            if (_entries.Count > Capacity) _entries.RemoveLast();
        }
    }

    public void Reset()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>The newest <paramref name="count"/> entries as ACL LOG answers them.</summary>
    public CacheReply Reply(long count)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return CacheReply.Array([.. _entries.Take((int)Math.Min(count, Capacity)).Select(e => CacheReply.Map(
            [
                CacheReply.Bulk("count"), CacheReply.Int(e.Count),
                CacheReply.Bulk("reason"), CacheReply.Bulk(e.Reason),
                CacheReply.Bulk("context"), CacheReply.Bulk(e.Context),
                CacheReply.Bulk("object"), CacheReply.Bulk(e.Object),
                CacheReply.Bulk("username"), CacheReply.Bulk(e.User),
                CacheReply.Bulk("age-seconds"), CacheReply.Number((now - e.At).TotalSeconds),
                CacheReply.Bulk("client-info"), CacheReply.Bulk(e.ClientInfo),
            ]))]);
        }
    }
}
