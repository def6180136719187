using System.Diagnostics;
using System.Text;
using DataTier.Cache.Commands;
using DataTier.Cache.Keyspace;
using KeraLua;

namespace DataTier.Cache.Scripting;

/// <summary>
/// Runs Lua scripts (EVAL) on a shard's keyspace, under its gate, as Redis does: one Lua state per thread, each script
/// compiled once per state by its SHA-1, KEYS and ARGV set, and <c>redis.call</c> / <c>redis.pcall</c> running commands
/// on the same keyspace. Lua 5.4 rather than Redis' 5.1 (<c>unpack</c> is provided; numbers that are floats print as
/// such). No managed code raises Lua errors (a longjmp across .NET frames is unsafe): redis.call is a Lua wrapper that
/// raises the error table the C# side returns, and a script running past its time limit is stopped by a Lua hook.
/// </summary>
public sealed class LuaEngine : IDisposable
{
    private const int HookEveryInstructions = 100_000;

    // Kept in static fields: the native side holds the function pointers for the life of every state.
    private static readonly LuaFunction CallFunction = Call;
    private static readonly LuaFunction Sha1HexFunction = Sha1Hex;
    private static readonly LuaFunction TimedOutFunction = TimedOut;

    [ThreadStatic] private static LuaEngine? t_engine;
    [ThreadStatic] private static ScriptContext? t_context;

    private readonly Lua _lua = new();
    private readonly HashSet<string> _compiled = new(StringComparer.Ordinal);

    /// <param name="Acl">The caller's permissions, checked on each call; null when it may do everything.</param>
    private sealed record ScriptContext(CacheKeyspace Keyspace, int Shard, bool ReadOnly, Access.AclUser? Acl, long Deadline);

    private const string Prelude = """
        unpack = unpack or table.unpack
        local getinfo = debug.getinfo
        redis = {
            call = function(...)
                local reply = __redis_call(...)
                if type(reply) == 'table' and reply.err ~= nil then
                    if reply.script then
                        -- Where the script called; unknown after a tail call (return redis.call(...)), which replaced its frame.
                        local at = getinfo(2, 'l')
                        local line = (at and at.currentline and at.currentline > 0) and (':' .. at.currentline) or ''
                        error({ err = reply.err .. ' script: ' .. __redis_sha .. ', on @user_script' .. line .. '.' }, 2)
                    end
                    error(reply, 2)
                end
                return reply
            end,
            pcall = function(...)
                local reply = __redis_call(...)
                if type(reply) == 'table' then reply.script = nil end
                return reply
            end,
            status_reply = function(s) return { ok = s } end,
            error_reply = function(s) return { err = s } end,
            sha1hex = __redis_sha1hex,
            log = function() end,
            LOG_DEBUG = 0, LOG_VERBOSE = 1, LOG_NOTICE = 2, LOG_WARNING = 3,
        }
        local sethook = debug.sethook
        __redis_arm = function()
            sethook(function()
                if __redis_timed_out() then error({ err = 'ERR Script killed: it ran longer than its time limit' }) end
            end, '', 100000)
        end
        os, io, package, debug, dofile, loadfile, require = nil, nil, nil, nil, nil, nil, nil
        """;

    private LuaEngine()
    {
        _lua.OpenLibs();
        _lua.Register("__redis_call", CallFunction);
        _lua.Register("__redis_sha1hex", Sha1HexFunction);
        _lua.Register("__redis_timed_out", TimedOutFunction);
        // DoString is true when the chunk failed.
        if (_lua.DoString(Prelude.Replace("100000", HookEveryInstructions.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            throw new InvalidOperationException("The Lua prelude failed: " + _lua.ToString(-1));
        _lua.SetTop(0);
    }

    /// <summary>
    /// Runs the script with the SHA-1 <paramref name="sha"/> (compiling <paramref name="source"/> the first time on this
    /// thread) against the keyspace of shard <paramref name="shard"/>, whose gate the caller holds.
    /// </summary>
    public static CacheReply Run(CacheKeyspace ks, int shard, string sha, byte[] source, byte[][] keys, byte[][] args, bool readOnly, Access.AclUser? acl,
        TimeSpan timeLimit)
    {
        var engine = t_engine ??= new LuaEngine();
        var previous = t_context;
        t_context = new ScriptContext(ks, shard, readOnly, acl, Stopwatch.GetTimestamp() + (long)(timeLimit.TotalSeconds * Stopwatch.Frequency));
        try
        {
            return engine.Execute(sha, source, keys, args);
        }
        finally
        {
            t_context = previous;
        }
    }

    private CacheReply Execute(string sha, byte[] source, byte[][] keys, byte[][] args)
    {
        var lua = _lua;
        var top = lua.GetTop();
        try
        {
            var function = "f_" + sha;
            if (!_compiled.Contains(sha))
            {
                if (lua.LoadBuffer(source, "@user_script") != LuaStatus.OK)
                    return CacheReply.Error($"ERR Error compiling script (new function): {lua.ToString(-1)}");
                lua.SetGlobal(function);
                _compiled.Add(sha);
            }
            lua.PushString(sha);
            lua.SetGlobal("__redis_sha");
            SetArray("KEYS", keys);
            SetArray("ARGV", args);
            lua.GetGlobal("__redis_arm");
            lua.PCall(0, 0, 0);
            lua.GetGlobal(function);
            if (lua.PCall(0, 1, 0) != LuaStatus.OK) return ErrorReply(lua, -1, sha);
            return ToReply(lua, -1);
        }
        finally
        {
            lua.SetTop(top);
        }
    }

    private void SetArray(string name, byte[][] values)
    {
        _lua.NewTable();
        for (var i = 0; i < values.Length; i++)
        {
            _lua.PushBuffer(values[i]);
            _lua.RawSetInteger(-2, i + 1);
        }
        _lua.SetGlobal(name);
    }

    private static CacheReply ErrorReply(Lua lua, int index, string sha)
    {
        if (lua.Type(index) == LuaType.Table && Field(lua, index, "err") is { } err) return CacheReply.Error(err);
        var message = lua.ToString(index) ?? "unknown error";
        return CacheReply.Error($"ERR {message} script: {sha}, on @user_script.");
    }

    /// <summary>A Lua value as a reply, by Redis' conversion rules.</summary>
    private static CacheReply ToReply(Lua lua, int index)
    {
        if (index < 0) index = lua.GetTop() + index + 1;
        switch (lua.Type(index))
        {
            case LuaType.Number:
                return CacheReply.Int(lua.IsInteger(index) ? lua.ToInteger(index) : (long)lua.ToNumber(index));
            case LuaType.String:
                return CacheReply.Bulk(lua.ToBuffer(index));
            case LuaType.Boolean:
                return lua.ToBoolean(index) ? CacheReply.One : CacheReply.Nil;
            case LuaType.Table:
                if (Field(lua, index, "err") is { } err) return CacheReply.Error(err);
                if (Field(lua, index, "ok") is { } ok) return CacheReply.Simple(ok);
                var items = new List<CacheReply>();
                for (long i = 1; ; i++)
                {
                    var type = lua.RawGetInteger(index, i);
                    if (type == LuaType.Nil)
                    {
                        lua.Pop(1);
                        break;
                    }
                    items.Add(ToReply(lua, -1));
                    lua.Pop(1);
                }
                return CacheReply.Array([.. items]);
            default:
                return CacheReply.Nil;
        }
    }

    private static string? Field(Lua lua, int index, string name)
    {
        lua.GetField(index, name);
        var value = lua.Type(-1) == LuaType.String ? lua.ToString(-1) : null;
        lua.Pop(1);
        return value;
    }

    /// <summary>A reply as a Lua value, by Redis' conversion rules (errors and statuses as tables with err and ok).</summary>
    private static void Push(Lua lua, CacheReply reply)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Integer:
                lua.PushInteger(reply.Integer);
                break;
            case ReplyKind.Bulk:
                lua.PushBuffer(reply.Bytes!);
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                lua.PushBoolean(false);
                break;
            case ReplyKind.Simple:
                PushField(lua, "ok", reply.Text!);
                break;
            case ReplyKind.Error:
                PushField(lua, "err", reply.Text!);
                break;
            case ReplyKind.Double:
                lua.PushString(ScoreFormat.Format(reply.Double));
                break;
            case ReplyKind.Verbatim:
                lua.PushString(reply.Text!);
                break;
            default:
                lua.NewTable();
                var items = reply.Items ?? [];
                for (var i = 0; i < items.Length; i++)
                {
                    Push(lua, items[i]);
                    lua.RawSetInteger(-2, i + 1);
                }
                break;
        }
    }

    private static void PushField(Lua lua, string name, string value)
    {
        lua.NewTable();
        lua.PushString(value);
        lua.SetField(-2, name);
    }

    /// <summary>
    /// __redis_call: runs one command on the script's keyspace; never raises (errors come back as tables), and lets no
    /// exception out, as one escaping a callback from native code would end the process.
    /// </summary>
    private static int Call(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        try
        {
            return CallCommand(lua);
        }
        catch (Exception e)
        {
            return Fail(lua, "ERR " + e.Message);
        }
    }

    private static int CallCommand(Lua lua)
    {
        var context = t_context!;
        var count = lua.GetTop();
        if (count == 0) return Fail(lua, "ERR Please specify at least one argument for this redis lib call");
        var args = new byte[count][];
        for (var i = 1; i <= count; i++)
        {
            if (lua.Type(i) is not (LuaType.String or LuaType.Number)) return Fail(lua, "ERR Lua redis lib command arguments must be strings or integers");
            args[i - 1] = lua.Type(i) == LuaType.Number && lua.IsInteger(i)
                ? Encoding.ASCII.GetBytes(lua.ToInteger(i).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : lua.ToBuffer(i);
        }
        var spec = CommandTable.Find(args[0]);
        if (spec is null) return Fail(lua, "ERR Unknown Redis command called from script");
        if (!AllowedInScripts(spec)) return Fail(lua, "ERR This Redis command is not allowed from script");
        if (!spec.AcceptsArgumentCount(args.Length)) return Fail(lua, "ERR Wrong number of args calling Redis command from script");
        if (context.Acl is { } acl && Access.AclCheck.Check(acl, spec, args) is { } denied)
            return Fail(lua, denied.Reason == Access.AclDenial.Command
                ? "ERR The user executing the script can't run this command or subcommand"
                : "ERR The user executing the script can't access at least one of the keys mentioned in the command arguments");
        if (context.ReadOnly && spec.Flags.HasFlag(CommandFlags.Write)) return Fail(lua, "ERR Write commands are not allowed from read-only scripts.");
        foreach (var key in spec.KeysIn(args))
            if (CacheRouter.ShardOf(key) != context.Shard) return Fail(lua, "ERR Script attempted to access a non local key in a cluster node");
        lua.SetTop(0);
        Push(lua, ShardExecutor.Execute(context.Keyspace, new ShardCommand(spec.Id, args)));
        return 1;
    }

    /// <summary>Commands that run on one shard with their keys known: not the session's, the whole keyspace's or the blocking ones.</summary>
    public static bool AllowedInScripts(CommandSpec spec) =>
        spec.Route != CommandRoute.Session && spec.FirstKey > 0
        && spec.Id is not (CommandId.BLPop or CommandId.BRPop or CommandId.BLMove or CommandId.BRPopLPush);

    /// <summary>
    /// An error of the script's call rather than of the command it names: raised by redis.call with where the script
    /// made the call, as Redis does.
    /// </summary>
    private static int Fail(Lua lua, string message)
    {
        lua.SetTop(0);
        PushField(lua, "err", message);
        lua.PushBoolean(true);
        lua.SetField(-2, "script");
        return 1;
    }

    private static int Sha1Hex(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        var text = lua.GetTop() >= 1 && lua.Type(1) is (LuaType.String or LuaType.Number) ? lua.ToBuffer(1) : [];
        lua.SetTop(0);
        lua.PushString(ScriptCache.Sha1Of(text));
        return 1;
    }

    private static int TimedOut(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        lua.PushBoolean(t_context is { } context && Stopwatch.GetTimestamp() > context.Deadline);
        return 1;
    }

    public void Dispose() => _lua.Dispose();
}
