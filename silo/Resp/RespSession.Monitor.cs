using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Silo.Resp.Clients;

namespace DataTier.Silo.Resp;

/// <summary>
/// MONITOR, per silo as per Redis node: a monitoring connection is sent a line for every command this silo's clients
/// run (admin commands excepted, secrets redacted), a transaction's commands when EXEC runs them; it may not touch keys
/// itself, as Redis treats it as a replica.
/// </summary>
public sealed partial class RespSession
{
    private bool _monitoring;
    private List<string>? _monitorLines;

    private CacheReply Monitor()
    {
        if (_monitoring) return CacheReply.Ok;
        _monitoring = true;
        _services.Clients.AddMonitor(this);
        return CacheReply.Ok;
    }

    /// <summary>Redis refuses a monitor's commands that read, write or may replicate (as a replica's).</summary>
    private bool RefusedToMonitor(CommandSpec spec, byte[][] args) =>
        _monitoring && (spec.Flags.HasFlag(CommandFlags.ReadOnly) || MayReplicate(spec, args));

    private static readonly CacheReply MonitorCannotTouchKeys = CacheReply.Error("ERR Replica can't interact with the keyspace");

    /// <summary>Sends the command (a transaction's queued commands first, for EXEC) to this silo's monitors.</summary>
    private void FeedMonitors(CommandSpec spec, byte[][] args)
    {
        if (spec.Id == CommandId.Exec && _queued is { } queued)
            foreach (var q in queued)
                if (CommandTable.Find(q[0]) is { } queuedSpec) FeedMonitors(queuedSpec, q);
        if (IsAdmin(spec, args)) return;
        (_monitorLines ??= []).Add(MonitorLine.Format(_services.Time.GetUtcNow(), RemoteEndpoint, args, i => Redacted(spec, args, i)));
    }

    /// <summary>
    /// After a pipeline's replies are written (under the write lock): its lines go to the monitors, this connection's own
    /// written at once after its replies, as Redis shows a monitor's command after answering it.
    /// </summary>
    private void SendMonitorLines()
    {
        if (_monitorLines is not { Count: > 0 } lines) return;
        foreach (var monitor in _services.Clients.Monitors())
            foreach (var line in lines)
            {
                if (monitor == this) RespWriter.Write(_output, CacheReply.Simple(line), Protocol);
                else monitor.Push([CacheReply.Simple(line)]);
            }
        lines.Clear();
    }

    /// <summary>Redis 7.0's admin commands and subcommands, which monitors do not see.</summary>
    private static bool IsAdmin(CommandSpec spec, byte[][] args)
    {
        var sub = args.Length > 1 ? Arg.Lower(args[1]) : "";
        return spec.Id switch
        {
            CommandId.Config or CommandId.Save or CommandId.BgSave or CommandId.SlowLog or CommandId.Latency => true,
            CommandId.Client => sub is "kill" or "list" or "pause" or "unpause" or "no-evict" or "unblock",
            CommandId.Acl => sub is not ("whoami" or "cat" or "genpass" or "help"),
            CommandId.Cluster => sub is "replicas" or "slaves" or "meet" or "forget" or "reset" or "failover" or "addslots" or "delslots" or "flushslots" or "setslot",
            _ => spec.Id == CommandId.Monitor,
        };
    }

    /// <summary>Whether MONITOR shows the argument as "(redacted)": AUTH's, and HELLO's user and password after AUTH.</summary>
    private static bool Redacted(CommandSpec spec, byte[][] args, int index) => spec.Id switch
    {
        CommandId.Auth => index > 0,
        CommandId.Hello => Enumerable.Range(2, Math.Max(0, args.Length - 2)).Any(j => Arg.Is(args[j], "auth") && (index == j + 1 || index == j + 2)),
        _ => false,
    };
}
