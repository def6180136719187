using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;
using DataTier.Cache;
using DataTier.Cache.Commands;
using DataTier.Cache.PubSub;

namespace DataTier.Silo.Resp;

/// <summary>
/// One client connection. Each read is parsed whole into commands; the commands are grouped by
/// owning shard and each shard gets one batched call (or one pass under its gate when local), shards
/// in parallel; the replies are written in order with one flush. Commands that span the keyspace
/// (KEYS, SCAN, RENAME across shards, ...) run in order between those groups. Command families are
/// in the other parts of this class.
/// </summary>
public sealed partial class RespSession : IPubSubSubscriber
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly RespServices _services;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PendingShardCommands _pending = new();
    /// <summary>The silo's router, or with replicas one that notes where this client's commands change keys, for WAIT; while it tracks with NOLOOP, one whose commands carry its origin.</summary>
    private CacheRouter _router;
    private readonly DataTier.Cache.Replication.WrittenShards? _written;
    private readonly List<byte[][]> _commands = [];
    /// <summary>The serial number of the command dispatched now, and of the next one read (see <see cref="ShardCommand.Serial"/>).</summary>
    private long _serial, _nextSerial = 1;
    private Channel<CacheReply[]>? _pushes;
    private bool _quit;
    private CancellationToken _stopping;

    public RespSession(PipeReader input, PipeWriter output, RespServices services, string remoteEndpoint, string localEndpoint)
    {
        _input = input;
        _output = output;
        _services = services;
        RemoteEndpoint = remoteEndpoint;
        LocalEndpoint = localEndpoint;
        Authenticated = services.DefaultUserLoggedIn;
        _acl = services.RestrictionsOf("default");
        if (services.CacheOptions.Replicas > 0) _router = services.Router.NotingWrites(_written = new DataTier.Cache.Replication.WrittenShards());
        else _router = services.Router;
        Id = services.Clients.Register(this);
    }

    public long Id { get; }

    public string? Name { get; private set; }

    public string RemoteEndpoint { get; }

    /// <summary>The silo's end of the connection (CLIENT LIST's laddr).</summary>
    public string LocalEndpoint { get; }

    public int Protocol { get; private set; } = 2;

    public bool Authenticated { get; private set; }

    public string User
    {
        get => _user;
        private set
        {
            _user = value;
            _acl = _services.RestrictionsOf(value);
        }
    }

    private string _user = "default";

    public DateTime ConnectedAt { get; } = DateTime.UtcNow;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        try
        {
            while (!_quit)
            {
                var result = await _input.ReadAsync(cancellationToken);
                if (_killed) break;
                var buffer = result.Buffer;
                var protocolError = Parse(buffer, out var consumed);
                _input.AdvanceTo(consumed, buffer.End);
                if (_commands.Count > 0 || protocolError is not null) await RunCommandsAsync(protocolError);
                if (protocolError is not null || result.IsCompleted) break;
            }
        }
        finally
        {
            EndTransaction();
            LeaveAllSubscriptions();
            StopTracking();
            _pushes?.Writer.TryComplete();
            _services.Clients.Unregister(Id);
        }
    }

    private string? Parse(ReadOnlySequence<byte> buffer, out SequencePosition consumed)
    {
        _commands.Clear();
        var reader = new SequenceReader<byte>(buffer);
        string? error = null;
        while (!reader.End)
        {
            var outcome = RespReader.TryRead(ref reader, _services.Endpoint.MaxRequestBytes, out var args, out error);
            if (outcome == RespParseResult.Incomplete) break;
            if (outcome == RespParseResult.ProtocolError) break;
            if (outcome == RespParseResult.Command) _commands.Add(args);
        }
        consumed = reader.Position;
        return error;
    }

    private async Task RunCommandsAsync(string? protocolError)
    {
        var count = _commands.Count;
        var outcomes = new object?[count];
        var protocols = new int[count];
        var firstSerial = _nextSerial;
        _nextSerial += count;
        for (var i = 0; i < count && !_quit; i++)
        {
            var args = _commands[i];
            _serial = firstSerial + i;
            if (_tracking) _ownInvalidations.Running(firstSerial, i);
            var immediate = await DispatchAsync(args, i, outcomes);
            if (immediate is not null) outcomes[i] = immediate;
            // Protocol 0 marks a reply CLIENT REPLY holds back.
            protocols[i] = TakeReplyTurn() ? Protocol : 0;
        }
        await _pending.FlushAsync(_router, outcomes);
        ReadsAnswered();
        var ownInvalidations = _ownInvalidations.IsRunning;
        if (ownInvalidations) _ownInvalidations.Release(slot => _commands[slot]);
        _services.Clients.CountCommands(count);
        await _writeLock.WaitAsync();
        try
        {
            // Messages delivered to this connection before its replies go out first, as Redis writes them: a client
            // that PINGs after a PUBLISH returned gets the message before the PONG.
            while (_pushes is not null && _pushes.Reader.TryRead(out var delivered)) RespWriter.WritePush(_output, delivered, Protocol);
            for (var i = 0; i < count; i++)
            {
                switch (protocols[i] == 0 ? null : outcomes[i])
                {
                    case CacheReply reply:
                        RespWriter.Write(_output, reply, protocols[i]);
                        break;
                    case PushSequence pushes:
                        foreach (var push in pushes.Messages) RespWriter.WritePush(_output, push, protocols[i]);
                        break;
                }
                // A tracking client hears of its own change right after that command's reply (even one CLIENT REPLY holds back).
                if (ownInvalidations) _ownInvalidations.WriteAfter(i, _output, Protocol);
            }
            if (ownInvalidations) _ownInvalidations.WriteRest(_output, Protocol);
            if (protocolError is not null) RespWriter.WriteError(_output, protocolError);
            SendMonitorLines();
            await _output.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs or queues one command; returns its outcome when known now (null when queued for a shard).</summary>
    private async ValueTask<object?> DispatchAsync(byte[][] args, int slot, object?[] outcomes)
    {
        var spec = CommandTable.Find(args[0]);
        if (spec is null)
        {
            FlagTransaction();
            var unknown = UnknownCommand(args);
            _services.Stats.Error(unknown);
            return unknown;
        }
        if (!Authenticated && !spec.Flags.HasFlag(CommandFlags.NoAuth)) return Rejected(spec, args, NoAuth);
        if (!spec.AcceptsArgumentCount(args.Length))
        {
            FlagTransaction();
            return Rejected(spec, args, CacheErrors.WrongArity(spec.Name));
        }
        if (_acl is not null && Denied(_acl, spec, args) is { } denied)
        {
            LogDenial(_acl, spec, args);
            FlagTransaction();
            // A refused EXEC ends the transaction, as Redis rejects it.
            if (spec.Id != CommandId.Exec) return Rejected(spec, args, denied);
            EndTransaction();
            return Rejected(spec, args, CacheReply.Error("EXECABORT Transaction discarded because of: " + denied.Text));
        }
        if (RefusedToMonitor(spec, args)) return Rejected(spec, args, MonitorCannotTouchKeys);
        NoteCommand(spec, args);
        if (_tracking) await TrackReadAsync(spec, args, slot, outcomes);
        if (_services.Pause.IsActive && _services.Pause.Holds(MayReplicate(spec, args)) is { } paused)
        {
            // Commands before this one in the pipeline run first; this one and those after wait for the pause's end.
            await _pending.FlushAsync(_router, outcomes);
            await paused.WaitAsync(_stopping);
        }
        if (_services.Clients.HasMonitors && (!InTransaction || ControlsTransaction(spec.Id))) FeedMonitors(spec, args);
        if (InTransaction && !ControlsTransaction(spec.Id)) return Enqueue(spec, args);
        if (Protocol == 2 && InSubscribedContext && !spec.Flags.HasFlag(CommandFlags.PubSubContext))
            return Rejected(spec, args, CacheReply.Error($"ERR Can't execute '{spec.Name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"));
        if (IsGeoStoreAcrossShards(spec, args))
        {
            await _pending.FlushAsync(_router, outcomes);
            StartTiming();
            return Timed(spec, args, await RunGeoStoreAsync(spec, args));
        }
        switch (spec.Route)
        {
            case CommandRoute.SingleKey:
                _pending.Add(CacheRouter.ShardOf(args[1]), ForShard(spec.Id, args), slot);
                NoteQueuedChange(spec, args);
                return null;
            case CommandRoute.MultiKey:
                var queued = QueueMultiKey(spec, args, slot);
                if (queued is null) NoteQueuedChange(spec, args);
                return queued;
            case CommandRoute.Cluster:
                await _pending.FlushAsync(_router, outcomes);
                StartTiming();
                return Timed(spec, args, await RunClusterAsync(spec, args));
            default:
                if (!IsAsyncSessionCommand(spec.Id))
                {
                    StartTiming();
                    return Timed(spec, args, RunSessionCommandOrPushes(spec, args));
                }
                await _pending.FlushAsync(_router, outcomes);
                StartTiming();
                return Timed(spec, args, await RunSessionCommandAsync(spec, args));
        }
    }

    private async Task<CacheReply> SaveAsync()
    {
        try
        {
            await _services.Snapshots.SaveAllAsync();
            return CacheReply.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or Orleans.Runtime.OrleansException)
        {
            return CacheReply.Error("ERR " + e.Message);
        }
    }

    private static readonly CacheReply NoAuth = CacheReply.Error("NOAUTH Authentication required.");

    private static CacheReply UnknownCommand(byte[][] args)
    {
        var text = new System.Text.StringBuilder();
        text.Append("ERR unknown command '").Append(Truncate(args[0])).Append("', with args beginning with: ");
        for (var i = 1; i < args.Length && text.Length < 512; i++) text.Append('\'').Append(Truncate(args[i])).Append("' ");
        return CacheReply.Error(text.ToString());
    }

    private static string Truncate(byte[] arg) => Arg.Text(arg.Length > 128 ? arg[..128] : arg);

    // READONLY and READWRITE wait for the commands before them, which keep the mode they were sent in.
    private static bool IsAsyncSessionCommand(CommandId id) => id is CommandId.Memory or CommandId.Client or CommandId.Config or CommandId.Info or CommandId.Publish or CommandId.SPublish or CommandId.Save or CommandId.Readonly or CommandId.Readwrite or CommandId.Wait
        or CommandId.Exec or CommandId.Watch or CommandId.Eval or CommandId.EvalSha or CommandId.EvalRo or CommandId.EvalShaRo or CommandId.Script
        or CommandId.Cluster or CommandId.FCall or CommandId.FCallRo or CommandId.Function;

    private CacheReply RunSessionCommand(CommandSpec spec, byte[][] a) => spec.Id switch
    {
        CommandId.Ping => Ping(a),
        CommandId.Echo => CacheReply.Bulk(a[1]),
        CommandId.Select => Select(a),
        CommandId.Quit => Quit(),
        CommandId.Hello => Hello(a),
        CommandId.Auth => Auth(a),
        CommandId.Client => Client(a),
        CommandId.Reset => Reset(),
        CommandId.Monitor => Monitor(),
        CommandId.SlowLog => SlowLogCommand(a),
        CommandId.Latency => Latency(a),
        CommandId.Time => Time(),
        CommandId.Acl => Acl(a),
        CommandId.BgSave => _services.Snapshots.StartBackgroundSave()
            ? CacheReply.Simple("Background saving started")
            : CacheReply.Error("ERR Background save already in progress"),
        CommandId.LastSave => CacheReply.Int(_services.Snapshots.LastSave),
        CommandId.Command => CommandIntrospection.Run(a),

        CommandId.PubSub => PubSubIntrospection(a),
        CommandId.Readonly => SetReadFromReplicas(true),
        CommandId.Readwrite => SetReadFromReplicas(false),
        CommandId.Multi => Multi(),
        CommandId.Discard => Discard(),
        CommandId.Unwatch => Unwatch(),
        _ => CacheReply.Error($"ERR unknown command '{spec.Name}'"),
    };

    private object RunSessionCommandOrPushes(CommandSpec spec, byte[][] a) => spec.Id switch
    {
        CommandId.Subscribe => Subscribe(a, SubscriptionKind.Channel),
        CommandId.PSubscribe => Subscribe(a, SubscriptionKind.Pattern),
        CommandId.SSubscribe => ShardSubscribe(a),
        CommandId.Unsubscribe => Unsubscribe(a, SubscriptionKind.Channel),
        CommandId.PUnsubscribe => Unsubscribe(a, SubscriptionKind.Pattern),
        CommandId.SUnsubscribe => Unsubscribe(a, SubscriptionKind.ShardChannel),
        _ => RunSessionCommand(spec, a),
    };

    private async ValueTask<CacheReply> RunSessionCommandAsync(CommandSpec spec, byte[][] a) => spec.Id switch
    {
        CommandId.Info => await InfoAsync(a),
        CommandId.Publish => CacheReply.Int(await _services.Hub.PublishAsync(a[1], a[2])),
        CommandId.SPublish => CacheReply.Int(await _services.Hub.PublishAsync(a[1], a[2], sharded: true)),
        CommandId.Save => await SaveAsync(),
        CommandId.Exec => await ExecAsync(),
        CommandId.Watch => await WatchAsync(a),
        CommandId.Cluster => await ClusterAsync(a),
        CommandId.Config => await ConfigAsync(a),
        CommandId.Client => await ClientAsync(a),
        CommandId.Memory => await MemoryAsync(a),
        CommandId.Wait => await WaitForReplicasAsync(a),
        var id when IsScripting(id) => await RunScriptingAsync(spec, a),
        var id when IsFunctions(id) => await RunFunctionsAsync(spec, a),
        _ => RunSessionCommand(spec, a),
    };

    /// <summary>Writes a pub/sub message now (from another thread): queued, then written in order by one pump.</summary>
    private void Push(CacheReply[] message)
    {
        if (_pushes is null)
        {
            lock (_writeLock)
            {
                if (_pushes is null)
                {
                    _pushes = Channel.CreateUnbounded<CacheReply[]>(new UnboundedChannelOptions { SingleReader = true });
                    _ = PumpPushesAsync(_pushes.Reader);
                }
            }
        }
        _pushes.Writer.TryWrite(message);
    }

    private async Task PumpPushesAsync(ChannelReader<CacheReply[]> reader)
    {
        try
        {
            while (await reader.WaitToReadAsync())
            {
                await _writeLock.WaitAsync();
                try
                {
                    while (reader.TryRead(out var message)) RespWriter.WritePush(_output, message, Protocol);
                    await _output.FlushAsync();
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the connection has gone
        }
    }
}
