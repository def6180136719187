using System.Collections.Concurrent;

namespace DataTier.Silo.Resp;

/// <summary>The RESP connections of this silo: ids, and the counts INFO reports.</summary>
public sealed class RespClients
{
    private readonly ConcurrentDictionary<long, RespSession> _sessions = new();
    private long _nextId;
    private long _connectionsReceived;
    private long _commandsProcessed;

    public DateTime StartedAt { get; } = DateTime.UtcNow;

    /// <summary>What tells this silo's connections from other silos' (client ids are per silo): a connection's cluster id is this and its id.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    public int Connected => _sessions.Count;

    public long ConnectionsReceived => Interlocked.Read(ref _connectionsReceived);

    public long CommandsProcessed => Interlocked.Read(ref _commandsProcessed);

    public long Register(RespSession session)
    {
        var id = Interlocked.Increment(ref _nextId);
        Interlocked.Increment(ref _connectionsReceived);
        _sessions[id] = session;
        return id;
    }

    public void Unregister(long id)
    {
        if (_sessions.TryRemove(id, out var session)) RemoveMonitor(session);
    }

    public void CountCommands(int count) => Interlocked.Add(ref _commandsProcessed, count);

    public IReadOnlyList<RespSession> Snapshot() => [.. _sessions.Values];

    public RespSession? Find(long id) => _sessions.GetValueOrDefault(id);

    private RespSession[] _monitors = [];

    /// <summary>Whether any connection of this silo runs MONITOR (checked for every command).</summary>
    public bool HasMonitors => Volatile.Read(ref _monitors).Length > 0;

    public RespSession[] Monitors() => Volatile.Read(ref _monitors);

    public void AddMonitor(RespSession session)
    {
        lock (_sessions) _monitors = [.. _monitors, session];
    }

    public void RemoveMonitor(RespSession session)
    {
        lock (_sessions) _monitors = [.. _monitors.Where(m => m != session)];
    }
}
