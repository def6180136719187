using System.Globalization;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Silo.Resp.Clients;

namespace DataTier.Silo.Resp;

/// <summary>
/// CLIENT and its subcommands, over this silo's connections (a silo answers as one Redis node: CLIENT LIST, KILL,
/// PAUSE and UNBLOCK see and act on the clients connected to it).
/// </summary>
public sealed partial class RespSession
{
    private ClientReplyMode _replyMode;
    private bool _noEvict;
    private volatile bool _killed;
    private long _lastCommandAt = Environment.TickCount64;
    private string _lastCommand = "NULL";
    private TaskCompletionSource<UnblockReason>? _unblock;

    /// <summary>CLIENT; enabling tracking waits until every silo reports its changed keys, so none is missed after the reply.</summary>
    private async Task<CacheReply> ClientAsync(byte[][] a)
    {
        var reply = Client(a);
        if (!reply.IsError && Arg.Is(a[1], "tracking") && _tracking) await _services.AnnounceTrackingAsync();
        return reply;
    }

    private CacheReply Client(byte[][] a)
    {
        var sub = Arg.Lower(a[1]);
        if (ClientSubcommands.Arity(sub) is not { } arity)
            return CacheReply.Error($"ERR unknown subcommand '{Arg.Text(a[1])}'. Try CLIENT HELP.");
        if (arity > 0 ? a.Length != arity : a.Length < -arity) return CacheErrors.WrongArity("client|" + sub);
        switch (sub)
        {
            case "id":
                return CacheReply.Int(Id);
            case "getname":
                return Name is null ? CacheReply.Nil : CacheReply.Bulk(Name);
            case "setname":
                var name = Arg.Text(a[2]);
                if (!IsValidClientName(name)) return InvalidClientName;
                Name = name.Length == 0 ? null : name;
                return CacheReply.Ok;
            case "setinfo":
                return CacheReply.Ok;
            case "info":
                return CacheReply.Verbatim(ClientLine(this) + "\n");
            case "list":
                return ClientList(a);
            case "kill":
                return ClientKill(a);
            case "pause":
                return ClientPauseCommand(a);
            case "unpause":
                _services.Pause.End();
                return CacheReply.Ok;
            case "unblock":
                return ClientUnblock(a);
            case "reply":
                return ClientReply(a[2]);
            case "no-evict" or "no-touch":
                if (!Arg.Is(a[2], "on") && !Arg.Is(a[2], "off")) return CacheErrors.Syntax;
                if (sub == "no-evict") _noEvict = Arg.Is(a[2], "on");
                return CacheReply.Ok;
            case "getredir":
                return CacheReply.Int(TrackingRedirect);
            case "trackinginfo":
                return TrackingInfo();
            case "tracking":
                return ClientTracking(a);
            case "caching":
                return ClientCaching(a[2]);
            default:
                return CacheReply.Array(ClientSubcommands.Help.Select(CacheReply.Simple).ToArray());
        }
    }

    private CacheReply ClientList(byte[][] a)
    {
        IEnumerable<RespSession> sessions = _services.Clients.Snapshot().OrderBy(s => s.Id);
        if (a.Length == 4 && Arg.Is(a[2], "type"))
        {
            if (ClientKillFilter.ParseType(a[3]) is not { } type) return CacheReply.Error($"ERR Unknown client type '{Arg.Text(a[3])}'");
            sessions = sessions.Where(s => s.ClientType == type);
        }
        else if (a.Length > 3 && Arg.Is(a[2], "id"))
        {
            var ids = new HashSet<long>();
            for (var i = 3; i < a.Length; i++)
            {
                if (!CacheNumbers.TryParseLong(a[i], out var id)) return CacheReply.Error("ERR Invalid client ID");
                ids.Add(id);
            }
            sessions = sessions.Where(s => ids.Contains(s.Id));
        }
        else if (a.Length != 2) return CacheErrors.Syntax;
        return CacheReply.Verbatim(string.Concat(sessions.Select(s => ClientLine(s) + "\n")));
    }

    private CacheReply ClientKill(byte[][] a)
    {
        if (a.Length == 3)
        {
            var addressed = _services.Clients.Snapshot().FirstOrDefault(s => s.RemoteEndpoint == Arg.Text(a[2]));
            if (addressed is null) return CacheReply.Error("ERR No such client");
            addressed.Kill();
            return CacheReply.Ok;
        }
        if (ClientKillFilter.Parse(a, _services.Access.ContainsKey, out var filter) is { } invalid) return invalid;
        var killed = 0;
        foreach (var session in _services.Clients.Snapshot())
        {
            if (!filter.Matches(session.Id, session.RemoteEndpoint, session.LocalEndpoint, session.User, session.ClientType)) continue;
            if (session == this && filter.SkipMe) continue;
            session.Kill();
            killed++;
        }
        return CacheReply.Int(killed);
    }

    private CacheReply ClientPauseCommand(byte[][] a)
    {
        if (a.Length > 4) return CacheReply.Error($"ERR unknown subcommand or wrong number of arguments for '{Arg.Text(a[1])}'. Try CLIENT HELP.");
        if (!CacheNumbers.TryParseLong(a[2], out var timeout)) return CacheReply.Error("ERR timeout is not an integer or out of range");
        if (timeout < 0) return CacheReply.Error("ERR timeout is negative");
        var all = true;
        if (a.Length == 4)
        {
            if (Arg.Is(a[3], "write")) all = false;
            else if (!Arg.Is(a[3], "all")) return CacheReply.Error("ERR CLIENT PAUSE mode must be WRITE or ALL");
        }
        _services.Pause.Start(timeout, all);
        return CacheReply.Ok;
    }

    private CacheReply ClientUnblock(byte[][] a)
    {
        if (a.Length > 4) return CacheReply.Error($"ERR unknown subcommand or wrong number of arguments for '{Arg.Text(a[1])}'. Try CLIENT HELP.");
        if (!CacheNumbers.TryParseLong(a[2], out var id)) return CacheErrors.NotInteger;
        var reason = UnblockReason.Timeout;
        if (a.Length == 4)
        {
            if (Arg.Is(a[3], "error")) reason = UnblockReason.Error;
            else if (!Arg.Is(a[3], "timeout")) return CacheReply.Error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        }
        var target = _services.Clients.Find(id);
        return CacheReply.Int(target is not null && target.Unblock(reason) ? 1 : 0);
    }

    private CacheReply ClientReply(byte[] mode)
    {
        if (Arg.Is(mode, "on")) _replyMode = ClientReplyMode.On;
        else if (Arg.Is(mode, "off")) _replyMode = ClientReplyMode.Off;
        else if (Arg.Is(mode, "skip")) _replyMode = _replyMode == ClientReplyMode.Off ? ClientReplyMode.Off : ClientReplyMode.SkipThis;
        else return CacheErrors.Syntax;
        return CacheReply.Ok;
    }

    /// <summary>
    /// Whether the reply of the command just run goes to the client: none while replies are off, none for CLIENT REPLY
    /// SKIP itself and the command after it; CLIENT REPLY ON's own reply goes.
    /// </summary>
    private bool TakeReplyTurn()
    {
        switch (_replyMode)
        {
            case ClientReplyMode.On:
                return true;
            case ClientReplyMode.SkipThis:
                _replyMode = ClientReplyMode.SkipNext;
                return false;
            case ClientReplyMode.SkipNext:
                _replyMode = ClientReplyMode.On;
                return false;
            default:
                return false;
        }
    }

    /// <summary>Closes the connection: at once when idle or blocked, after the replies of the commands already run otherwise.</summary>
    public void Kill()
    {
        _killed = true;
        _quit = true;
        _unblock?.TrySetResult(UnblockReason.Killed);
        _input.CancelPendingRead();
    }

    /// <summary>Ends a blocking command's wait as CLIENT UNBLOCK asks; false when the client is not blocked.</summary>
    public bool Unblock(UnblockReason reason) => _unblock?.TrySetResult(reason) ?? false;

    /// <summary>
    /// What CLIENT PAUSE WRITE holds, as Redis 7.0 decides it: commands that write, those that may replicate (scripts,
    /// PUBLISH, PFCOUNT, SCRIPT LOAD and FLUSH), and EXEC of a transaction that queued one.
    /// </summary>
    private bool MayReplicate(CommandSpec spec, byte[][] args) => spec.Flags.HasFlag(CommandFlags.Write) || spec.Id switch
    {
        CommandId.Eval or CommandId.EvalSha or CommandId.Publish or CommandId.SPublish or CommandId.PfCount => true,
        CommandId.Script => args.Length > 1 && (Arg.Is(args[1], "load") || Arg.Is(args[1], "flush")),
        CommandId.Exec => _queued?.Any(q => CommandTable.Find(q[0]) is { } queued && MayReplicate(queued, q)) ?? false,
        _ => false,
    };

    private ClientType ClientType => InSubscribedContext ? ClientType.PubSub : ClientType.Normal;

    private void NoteCommand(CommandSpec spec, byte[][] args)
    {
        _lastCommandAt = Environment.TickCount64;
        _lastCommand = ClientSubcommands.IsContainer(spec.Id) && args.Length > 1 ? spec.Name + "|" + Arg.Lower(args[1]) : spec.Name;
    }

    private string ClientFlags()
    {
        var flags = string.Concat(
            _monitoring ? "O" : "",
            InSubscribedContext ? "P" : "",
            InTransaction ? "x" : "",
            _unblock is not null ? "b" : "",
            _tracking ? "t" : "",
            _tracking && _trackingRedirect != 0 && _services.Clients.Find(_trackingRedirect) is null ? "R" : "",
            _trackingBroadcast ? "B" : "",
            _killed ? "A" : "",
            _pending.ReplicaReads is not null ? "r" : "",
            _noEvict ? "e" : "");
        return flags.Length == 0 ? "N" : flags;
    }

    private static string ClientLine(RespSession s)
    {
        int channels, patterns, shardChannels;
        lock (s._channels)
        {
            channels = s._channels.Count;
            patterns = s._patterns.Count;
            shardChannels = s._shardChannels.Count;
        }
        var age = (long)(DateTime.UtcNow - s.ConnectedAt).TotalSeconds;
        var idle = (Environment.TickCount64 - Interlocked.Read(ref s._lastCommandAt)) / 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"id={s.Id} addr={s.RemoteEndpoint} laddr={s.LocalEndpoint} name={s.Name ?? ""} age={age} idle={idle} flags={s.ClientFlags()} db=0 " +
            $"sub={channels} psub={patterns} ssub={shardChannels} multi={s.QueuedCount} cmd={s._lastCommand} user={s.User} redir={s.TrackingRedirect} resp={s.Protocol}");
    }
}
