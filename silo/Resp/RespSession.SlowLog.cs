using System.Diagnostics;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.Diagnostics;

namespace DataTier.Silo.Resp;

/// <summary>
/// SLOWLOG GET, LEN, RESET and HELP over this silo's slow log. A command sent to a shard carries this client's address and
/// name, and the shard times it where it runs; a command the session runs itself (scripts, commands over every shard,
/// commands over keys of several shards in steps, server and connection commands) is timed here, a blocking one by its
/// last attempt only, as Redis leaves out the time a client waits.
/// </summary>
public sealed partial class RespSession
{
    private SlowLogCaller? _slowLogCaller;
    private long _commandStarted;

    /// <summary>This client as slow log entries name it, made anew when CLIENT SETNAME changes its name.</summary>
    private SlowLogCaller SlowLogCaller
    {
        get
        {
            var name = Name ?? "";
            if (_slowLogCaller is not { } caller || caller.Name != name)
                _slowLogCaller = caller = new SlowLogCaller(RemoteEndpoint, name);
            return caller;
        }
    }

    /// <summary>
    /// The command for its shard, which times it for the slow log, with this client's origin while it tracks keys (and its
    /// serial, by which the shard tells this client's own changes).
    /// </summary>
    private ShardCommand ForShard(CommandId id, byte[][] args) => new(id, args) { Caller = SlowLogCaller, Origin = TrackingOrigin, Serial = _tracking ? _serial : 0 };

    /// <summary>Marks the start of a command the session runs (or of a blocking command's attempt).</summary>
    private void StartTiming() => _commandStarted = Stopwatch.GetTimestamp();

    /// <summary>
    /// Counts the command the session ran since <see cref="StartTiming"/> and logs it if it took long enough; EXEC's
    /// commands are logged by their shard.
    /// </summary>
    private T Timed<T>(CommandSpec spec, byte[][] args, T outcome)
    {
        // WAIT's time waiting for replicas is a blocked client's, which Redis leaves out as it does for BLPOP's.
        if (spec.Id == CommandId.Wait) StartTiming();
        var elapsed = Stopwatch.GetTimestamp() - _commandStarted;
        _services.Timings.Ran(spec, args, elapsed, outcome as CacheReply ?? CacheReply.Ok, SlowLogCaller, SlowLogRedacted);
        return outcome;
    }

    /// <summary>A command refused before it ran, counted as Redis counts rejected calls.</summary>
    private CacheReply Rejected(CommandSpec spec, byte[][] args, CacheReply error)
    {
        _services.Stats.Refused(spec, args, error);
        return error;
    }

    /// <summary>What Redis 7.0 hides in its slow log: secrets of AUTH and HELLO (as MONITOR), CONFIG SET requirepass and ACL SETUSER's user and rules.</summary>
    private static bool SlowLogRedacted(CommandSpec spec, byte[][] args, int index) =>
        Redacted(spec, args, index)
        || spec.Id == CommandId.Config && Arg.Is(args[1], "set") && index >= 3 && index % 2 == 1 && Arg.Is(args[index - 1], "requirepass")
        || spec.Id == CommandId.Acl && Arg.Is(args[1], "setuser") && index >= 2;

    private static readonly string[] SlowLogHelp =
    [
        "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET [<count>]",
        "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
        "    Entries are made of:",
        "    id, timestamp, time in microseconds, arguments array, client IP and port,",
        "    client name",
        "LEN",
        "    Return the length of the slowlog.",
        "RESET",
        "    Reset the slowlog.",
        "HELP",
        "    Prints this help.",
    ];

    private CacheReply SlowLogCommand(byte[][] a)
    {
        var log = _services.SlowLog;
        var sub = Arg.Lower(a[1]);
        switch (sub)
        {
            case "get" when a.Length <= 3:
                long count = 10;
                if (a.Length == 3 && (!CacheNumbers.TryParseLong(a[2], out count) || count < -1))
                    return CacheReply.Error("ERR count should be greater than or equal to -1");
                return CacheReply.Array([.. log.Newest(count).Select(EntryReply)]);
            case "get":
                return CacheReply.Error("ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.");
            case "len" when a.Length == 2:
                return CacheReply.Int(log.Length);
            case "reset" when a.Length == 2:
                log.Reset();
                return CacheReply.Ok;
            case "help" when a.Length == 2:
                return CacheReply.Array([.. SlowLogHelp.Select(CacheReply.Simple)]);
            case "len" or "reset" or "help":
                return CacheErrors.WrongArity("slowlog|" + sub);
            default:
                return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try SLOWLOG HELP.");
        }
    }

    private static CacheReply EntryReply(SlowLogEntry e) => CacheReply.Array(
    [
        CacheReply.Int(e.Id),
        CacheReply.Int(e.UnixSeconds),
        CacheReply.Int(e.Micros),
        CacheReply.Array([.. e.Args.Select(CacheReply.Bulk)]),
        CacheReply.Bulk(e.Client),
        CacheReply.Bulk(e.Name),
    ]);
}
