using DataTier.Cache.Blocking;

namespace DataTier.Cache.Keyspace;

/// <summary>
/// The keys blocked clients wait on, and whom to wake when they grow (for the shard's runner to signal). Readers of a
/// stream without a group (XREAD) are all woken by an entry added; clients that take elements (the blocking list and
/// sorted set pops) stand in a line per key, and readers of a consumer group (XREADGROUP with <c>&gt;</c>) in a line per
/// key and group, and are woken one at a time, the first in line first, as Redis serves its blocked clients. A group's
/// reader is served only when woken (an entry added, or the stream or group gone, for it to answer the error Redis
/// answers then), not when entries become new to the group otherwise (XGROUP SETID back), as in Redis 7.0.
/// </summary>
public sealed partial class CacheKeyspace
{
    private const int PruneAwaitedAbove = 4096;
    private Dictionary<byte[], long>? _awaited;
    private List<byte[]>? _wakeups;
    private Dictionary<byte[], KeyWaitLine>? _lines;
    private Dictionary<byte[], Dictionary<byte[], KeyWaitLine>>? _groupLines;
    private List<Guid>? _turns;

    /// <summary>A client waits until <paramref name="until"/> (Unix ms) for the stream at the key to get an entry.</summary>
    public void AwaitKey(byte[] key, long until)
    {
        _awaited ??= new Dictionary<byte[], long>(ByteArrayComparer.Instance);
        if (_awaited.Count > PruneAwaitedAbove)
            foreach (var (stale, _) in _awaited.Where(a => a.Value <= Now).ToList()) _awaited.Remove(stale);
        _awaited[key] = Math.Max(until, _awaited.GetValueOrDefault(key));
    }

    /// <summary>
    /// A blocking pop's attempt on the key with its ticket, waiting until <paramref name="until"/> (Unix ms): whether
    /// its turn has come, so it may take. With no one in line and something to take (<paramref name="available"/>), it
    /// takes at once; otherwise the ticket joins the key's line, or keeps its place there.
    /// </summary>
    public bool TakeTurn(byte[] key, Guid ticket, long until, bool available) =>
        TakeTurn(_lines ??= new Dictionary<byte[], KeyWaitLine>(ByteArrayComparer.Instance), key, ticket, until, available);

    /// <summary>As <see cref="TakeTurn(byte[], Guid, long, bool)"/>, for a reader of the stream's group, whose line is the group's.</summary>
    public bool TakeGroupTurn(byte[] key, byte[] group, Guid ticket, long until, bool available)
    {
        _groupLines ??= new Dictionary<byte[], Dictionary<byte[], KeyWaitLine>>(ByteArrayComparer.Instance);
        if (!_groupLines.TryGetValue(key, out var lines))
        {
            if (available) return true;
            if (_groupLines.Count > PruneAwaitedAbove)
                foreach (var (idle, _) in _groupLines.Where(g => g.Value.Values.All(l => l.Head(Now) is null)).ToList()) _groupLines.Remove(idle);
            _groupLines[key] = lines = new Dictionary<byte[], KeyWaitLine>(ByteArrayComparer.Instance);
        }
        return TakeTurn(lines, group, ticket, until, available, onlyWhenWoken: true);
    }

    /// <summary>Whether the ticket stands in the line of the stream's group, so its client is blocked there.</summary>
    public bool InGroupLine(byte[] key, byte[] group, Guid ticket) =>
        _groupLines is not null && _groupLines.TryGetValue(key, out var lines) && lines.TryGetValue(group, out var line) && line.Contains(ticket);

    /// <summary>The stream's group was destroyed: its blocked readers are all woken, to answer Redis' NOGROUP.</summary>
    public void GroupGone(byte[] key, byte[] group)
    {
        if (_groupLines is { Count: > 0 } && _groupLines.TryGetValue(key, out var lines) && lines.TryGetValue(group, out var line))
            (_turns ??= []).AddRange(line.WakeAll(Now));
    }

    /// <summary>The stream at the key was deleted or replaced: every blocked reader of its groups is woken, as Redis 7.0 does.</summary>
    private void StreamGone(byte[] key)
    {
        if (_groupLines is not { Count: > 0 } || !_groupLines.TryGetValue(key, out var lines)) return;
        foreach (var line in lines.Values) (_turns ??= []).AddRange(line.WakeAll(Now));
    }

    private void AllStreamsGone()
    {
        if (_groupLines is not { Count: > 0 }) return;
        foreach (var key in _groupLines.Keys) StreamGone(key);
    }

    /// <summary>The ticket took from the key, or stopped waiting: it leaves the line, and if the key holds more the next in line is woken.</summary>
    public void LeaveLine(byte[] key, Guid ticket, bool keyHoldsMore)
    {
        if (_lines is not null) Leave(_lines, key, ticket, keyHoldsMore);
    }

    /// <summary>As <see cref="LeaveLine"/>, for a reader of the stream's group, the next woken when the group has entries it has not delivered.</summary>
    public void LeaveGroupLine(byte[] key, byte[] group, Guid ticket, bool groupHasNew)
    {
        if (_groupLines is null || !_groupLines.TryGetValue(key, out var lines)) return;
        Leave(lines, group, ticket, groupHasNew);
        if (lines.Count == 0) _groupLines.Remove(key);
    }

    /// <summary>Elements were pushed onto the list (or added to the sorted set or stream) at the key: whoever waits on it is to be woken.</summary>
    public void KeyGrew(byte[] key)
    {
        if (_lines is { Count: > 0 } && _lines.TryGetValue(key, out var line)) WakeFirstInLine(_lines, key, line);
        if (_groupLines is { Count: > 0 } && _groupLines.TryGetValue(key, out var groups))
        {
            foreach (var (group, groupLine) in groups.ToList()) WakeFirstInLine(groups, group, groupLine);
            if (groups.Count == 0) _groupLines.Remove(key);
        }
        if (_awaited is not { Count: > 0 } || !_awaited.Remove(key, out var until) || until <= Now) return;
        (_wakeups ??= []).Add(key);
    }

    /// <summary>The wake-ups and turns the changes since the last call owe, taken (null when none); signal them once out of the gate.</summary>
    public KeyWaiterSignals? TakeSignals()
    {
        var (keys, tickets) = (TakeWakeups(), TakeTurns());
        return keys is null && tickets is null ? null : new KeyWaiterSignals(keys, tickets);
    }

    /// <summary>The keys whose waiters to wake, taken.</summary>
    public List<byte[]>? TakeWakeups()
    {
        var wakeups = _wakeups;
        _wakeups = null;
        return wakeups;
    }

    /// <summary>The tickets whose turn has come, to wake their clients, taken.</summary>
    public List<Guid>? TakeTurns()
    {
        var turns = _turns;
        _turns = null;
        return turns;
    }

    private bool TakeTurn(Dictionary<byte[], KeyWaitLine> lines, byte[] name, Guid ticket, long until, bool available, bool onlyWhenWoken = false)
    {
        if (!lines.TryGetValue(name, out var line))
        {
            if (available) return true;
            if (lines.Count > PruneAwaitedAbove)
                foreach (var (idle, _) in lines.Where(l => l.Value.Head(Now) is null).ToList()) lines.Remove(idle);
            lines[name] = line = new KeyWaitLine();
        }
        return line.TakeTurn(ticket, until, Now, onlyWhenWoken);
    }

    private void Leave(Dictionary<byte[], KeyWaitLine> lines, byte[] name, Guid ticket, bool holdsMore)
    {
        if (!lines.TryGetValue(name, out var line)) return;
        line.Leave(ticket);
        if (holdsMore) WakeFirstInLine(lines, name, line);
        else if (line.IsEmpty) lines.Remove(name);
    }

    private void WakeFirstInLine(Dictionary<byte[], KeyWaitLine> lines, byte[] name, KeyWaitLine line)
    {
        if (line.WakeFirst(Now) is { } first) (_turns ??= []).Add(first);
        else lines.Remove(name);
    }
}
