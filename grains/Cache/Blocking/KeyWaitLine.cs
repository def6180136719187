namespace DataTier.Cache.Blocking;

/// <summary>
/// The clients waiting to take from one key (the blocking list and sorted set pops), in the order they first tried it,
/// as Redis keeps its blocked clients per key: only the first live one may take an element. A ticket is live until its
/// wait's deadline and while its client keeps trying (it does every second; one silent for <see cref="LeaseMs"/>, whose
/// silo may have died, has gone). Dead tickets are dropped when they reach the front.
/// </summary>
public sealed class KeyWaitLine
{
    /// <summary>How long a ticket stays in line without its client trying again.</summary>
    public const long LeaseMs = 5_000;

    private readonly LinkedList<Ticket> _order = new();
    private readonly Dictionary<Guid, LinkedListNode<Ticket>> _byId = [];

    public bool IsEmpty => _order.Count == 0;

    /// <summary>Joins the line at the back, or renews a place already held; true when the ticket is first among the live ones.</summary>
    public bool TakeTurn(Guid ticket, long until, long now)
    {
        if (_byId.TryGetValue(ticket, out var node))
        {
            node.Value.Until = until;
            node.Value.Seen = now;
        }
        else _byId[ticket] = _order.AddLast(new Ticket(ticket, until, now));
        return Head(now) == ticket;
    }

    public void Leave(Guid ticket)
    {
        if (_byId.Remove(ticket, out var node)) _order.Remove(node);
    }

    /// <summary>The first live ticket, after dropping the dead ones before it; null when none is left.</summary>
    public Guid? Head(long now)
    {
        while (_order.First is { } first && (first.Value.Until <= now || now - first.Value.Seen > LeaseMs))
        {
            _byId.Remove(first.Value.Id);
            _order.RemoveFirst();
        }
        return _order.First?.Value.Id;
    }

    private sealed class Ticket(Guid id, long until, long seen)
    {
        public Guid Id => id;
        public long Until { get; set; } = until;
        public long Seen { get; set; } = seen;
    }
}
