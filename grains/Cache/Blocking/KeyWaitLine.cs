namespace DataTier.Cache.Blocking;

/// <summary>
/// The clients waiting to take from one key (the blocking list and sorted set pops), in the order they first tried it,
/// as Redis keeps its blocked clients per key: only the first live one may take an element. A ticket is live until its
/// wait's deadline and while its client keeps trying (it does every second; one silent for <see cref="LeaseMs"/>, whose
/// silo may have died, has gone). Dead tickets are dropped when they reach the front. A ticket that was woken (its key
/// was signalled while it stood first, or it was woken with every ticket of the line) is owed a turn until it takes one;
/// a woken dead ticket hands its turn on to the next.
/// </summary>
public sealed class KeyWaitLine
{
    /// <summary>How long a ticket stays in line without its client trying again.</summary>
    public const long LeaseMs = 5_000;

    private readonly LinkedList<Ticket> _order = new();
    private readonly Dictionary<Guid, LinkedListNode<Ticket>> _byId = [];

    public bool IsEmpty => _order.Count == 0;

    public bool Contains(Guid ticket) => _byId.ContainsKey(ticket);

    /// <summary>
    /// Joins the line at the back, or renews a place already held; true when the ticket is first among the live ones.
    /// With <paramref name="onlyWhenWoken"/> a ticket already in line is first only on a turn it is owed (Redis looks
    /// again at a blocked client only when its key is signalled), which it takes.
    /// </summary>
    public bool TakeTurn(Guid ticket, long until, long now, bool onlyWhenWoken = false)
    {
        if (_byId.TryGetValue(ticket, out var node))
        {
            node.Value.Until = until;
            node.Value.Seen = now;
            var first = Head(now) == ticket;
            if (!onlyWhenWoken) return first;
            var owed = first && node.Value.Woken;
            node.Value.Woken = false;
            return owed;
        }
        _byId[ticket] = _order.AddLast(new Ticket(ticket, until, now));
        return Head(now) == ticket;
    }

    public void Leave(Guid ticket)
    {
        if (_byId.Remove(ticket, out var node)) _order.Remove(node);
    }

    /// <summary>Wakes the first live ticket, which is owed a turn; null when none is left.</summary>
    public Guid? WakeFirst(long now)
    {
        if (Head(now) is not { } first) return null;
        _order.First!.Value.Woken = true;
        return first;
    }

    /// <summary>Wakes every live ticket (the key or group they wait on went away), each owed a turn.</summary>
    public List<Guid> WakeAll(long now)
    {
        Head(now);
        foreach (var ticket in _order) ticket.Woken = true;
        return _order.Select(t => t.Id).ToList();
    }

    /// <summary>The first live ticket, after dropping the dead ones before it; null when none is left.</summary>
    public Guid? Head(long now)
    {
        var owed = false;
        while (_order.First is { } first && (first.Value.Until <= now || now - first.Value.Seen > LeaseMs))
        {
            owed |= first.Value.Woken;
            _byId.Remove(first.Value.Id);
            _order.RemoveFirst();
        }
        if (owed && _order.First is { } next) next.Value.Woken = true;
        return _order.First?.Value.Id;
    }

    private sealed class Ticket(Guid id, long until, long seen)
    {
        public Guid Id => id;
        public long Until { get; set; } = until;
        public long Seen { get; set; } = seen;
        public bool Woken { get; set; }
    }
}
