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
/// Scripts see Redis' libraries (<see cref="LuaLibraries"/>) and read-only globals, and their errors name the script's
/// line, as in Redis 7.
/// </summary>
public sealed partial class LuaEngine : IDisposable
{
    private const int HookEveryInstructions = 100_000;

    // Kept in static fields: the native side holds the function pointers for the life of every state.
    private static readonly LuaFunction CallFunction = Call;
    private static readonly LuaFunction Sha1HexFunction = Sha1Hex;
    private static readonly LuaFunction TimedOutFunction = TimedOut;
    private static readonly LuaFunction AclCheckFunction = AclCheck;
    private static readonly LuaFunction SetRespFunction = SetResp;
    private static readonly LuaFunction LogFunction = Log;

    [ThreadStatic] private static LuaEngine? t_engine;
    [ThreadStatic] private static ScriptContext? t_context;
    /// <summary>The running script's protocol for the replies it gets (redis.setresp), 2 when it starts.</summary>
    [ThreadStatic] private static int t_resp;

    private readonly Lua _lua = new();
    /// <summary>The scripts compiled in this state, by SHA-1, and whether each is one line (for its errors' line).</summary>
    private readonly Dictionary<string, bool> _compiled = new(StringComparer.Ordinal);

    /// <param name="Acl">The caller's permissions, checked on each call; null when it may do everything.</param>
    private sealed record ScriptContext(CacheKeyspace Keyspace, int Shard, bool ReadOnly, Access.AclUser? Acl, long Deadline);

    private const string Prelude = """
        unpack = unpack or table.unpack
        local getinfo, G = debug.getinfo, _G
        redis = {
            call = function(...)
                local reply = __redis_call(...)
                if type(reply) == 'table' and reply.err ~= nil then error(reply) end
                return reply
            end,
            pcall = __redis_call,
            status_reply = function(s) return { ok = s } end,
            error_reply = function(s) return { err = s } end,
            sha1hex = __redis_sha1hex,
            log = function(...)
                local count = select('#', ...)
                if count < 2 then error({ err = 'ERR redis.log() requires two arguments or more.' }) end
                local level = tonumber((...))
                if level == nil then error({ err = 'ERR First argument must be a number (log level).' }) end
                if level < 0 or level > 3 then error({ err = 'ERR Invalid debug level.' }) end
                local parts = {}
                for i = 2, count do
                    local part = select(i, ...)
                    if type(part) == 'string' or type(part) == 'number' then parts[#parts + 1] = tostring(part) end
                end
                __redis_log(math.floor(level), table.concat(parts, ' '))
            end,
            LOG_DEBUG = 0, LOG_VERBOSE = 1, LOG_NOTICE = 2, LOG_WARNING = 3,
            acl_check_cmd = function(...)
                local allowed = __redis_acl_check(...)
                if type(allowed) == 'table' then error(allowed) end
                return allowed
            end,
            setresp = function(...)
                if select('#', ...) ~= 1 then error({ err = 'ERR redis.setresp() requires one argument.' }) end
                local resp = tonumber((...))
                if resp ~= 2 and resp ~= 3 then error({ err = 'ERR RESP version must be 2 or 3.' }) end
                __redis_setresp(resp)
            end,
            -- As in Redis 7: scripts always replicate their effects, and without SCRIPT DEBUG there is no debugger.
            replicate_commands = function() return true end,
            set_repl = function(...)
                if select('#', ...) ~= 1 then error({ err = 'ERR redis.set_repl() requires two arguments.' }) end
                local flags = tonumber((...)) or 0
                if flags < 0 or flags >= 4 then error({ err = 'ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.' }) end
            end,
            REPL_NONE = 0, REPL_AOF = 1, REPL_REPLICA = 2, REPL_SLAVE = 2, REPL_ALL = 3,
            breakpoint = function() return false end,
            debug = function() end,
            REDIS_VERSION = '__version__', REDIS_VERSION_NUM = __version_num__,
        }
        -- Lua 5.4 names what it failed on after the value (attempt to call a nil value (field 'x')); Lua 5.1, Redis'
        -- interpreter, before it (attempt to call field 'x' (a nil value)).
        local gsub = string.gsub
        __redis_lua51_wording = function(message)
            return (gsub(message, "attempt to (.-) a (%w+) value %((%w+) '(.-)'%)", "attempt to %1 %3 '%4' (a %2 value)"))
        end
        -- An error leaving the script, as Redis words it: a string error gets ERR, and both get the script's SHA and
        -- the line of the script where it was raised. That line is lost when the script tail-called the function that
        -- raised (return redis.call(...)); a one-line script has only line 1.
        __redis_err_handler = function(e)
            if type(e) == 'table' and e.final then return e end
            local line = ''
            for level = 2, 250 do
                local info = getinfo(level, 'Sl')
                if not info then break end
                if info.source == __redis_source then
                    if info.currentline and info.currentline > 0 then line = ':' .. info.currentline end
                    break
                end
            end
            if line == '' and __redis_one_line then line = ':1' end
            local message
            if type(e) == 'table' then
                message = type(e.err) == 'string' and e.err or 'ERR unknown error'
            else
                message = 'ERR ' .. __redis_lua51_wording(tostring(e))
            end
            return { err = message .. ' script: ' .. __redis_sha .. ', on ' .. __redis_source .. line .. '.' }
        end
        local sethook = debug.sethook
        __redis_sethook = sethook
        __redis_arm = function()
            sethook(function()
                if __redis_timed_out() then error({ err = 'ERR Script killed: it ran longer than its time limit', final = true }) end
            end, '', 100000)
        end
        os, io, package, debug, dofile, loadfile, require, print = nil, nil, nil, nil, nil, nil, nil, nil
        -- What scripts see as their globals, read-only as in Redis 7: reading a global that does not exist is an error,
        -- and so is assigning one or a field of a library.
        local function readonly(t)
            return setmetatable({}, {
                __index = t,
                __newindex = function() error('Attempt to modify a readonly table', 2) end,
                __pairs = function() return next, t, nil end,
            })
        end
        __redis_readonly = readonly
        local shown = {}
        for _, name in ipairs({ 'string', 'math', 'table', 'coroutine', 'utf8', 'redis', 'cjson', 'cmsgpack', 'bit', 'struct' }) do
            shown[name] = readonly(G[name])
        end
        local internal = { __redis_call = true, __redis_sha1hex = true, __redis_timed_out = true, __redis_arm = true,
            __redis_err_handler = true, __redis_env = true, __redis_view = true, __redis_acl_check = true, __redis_setresp = true, __redis_log = true, __redis_sha = true, __redis_one_line = true,
            __redis_readonly = true, __redis_sethook = true, __redis_lua51_wording = true, __redis_load_timed_out = true }
        -- The globals scripts see, in a table of their own (KEYS and ARGV are set there for each run); the engine's own
        -- globals and the compiled scripts (f_<sha>) are not among them. Lookups chain through tables, not functions.
        local view = {}
        for k, v in pairs(G) do
            if not internal[k] then view[k] = shown[k] or v end
        end
        setmetatable(view, { __index = function(_, k)
            error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2)
        end })
        __redis_view = view
        __redis_env = setmetatable({}, {
            __index = view,
            __newindex = function() error('Attempt to modify a readonly table', 2) end,
            __pairs = function() return next, view, nil end,
        })
        view._G = __redis_env
        """;

    private LuaEngine()
    {
        _lua.OpenLibs();
        _lua.Register("__redis_call", CallFunction);
        _lua.Register("__redis_sha1hex", Sha1HexFunction);
        _lua.Register("__redis_timed_out", TimedOutFunction);
        _lua.Register("__redis_acl_check", AclCheckFunction);
        _lua.Register("__redis_setresp", SetRespFunction);
        _lua.Register("__redis_log", LogFunction);
        _lua.Register("__redis_load_timed_out", LoadTimedOutFunction);
        LuaLibraries.Open(_lua);
        // DoString is true when the chunk failed.
        var prelude = Prelude.Replace("100000", HookEveryInstructions.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("__version__", RedisVersion.Text).Replace("__version_num__", RedisVersion.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_lua.DoString(prelude) || _lua.DoString(FunctionPrelude))
            throw new InvalidOperationException("The Lua prelude failed: " + _lua.ToString(-1));
        _lua.SetTop(0);
    }

    /// <summary>
    /// Runs the script with the SHA-1 <paramref name="sha"/> (compiling <paramref name="source"/> the first time on this
    /// thread) against the keyspace of shard <paramref name="shard"/>, whose gate the caller holds.
    /// </summary>
    public static CacheReply Run(CacheKeyspace ks, int shard, string sha, byte[] source, byte[][] keys, byte[][] args, bool readOnly, Access.AclUser? acl,
        TimeSpan timeLimit) =>
        InContext(new ScriptContext(ks, shard, readOnly, acl, DeadlineAfter(timeLimit)), engine => engine.Execute(sha, source, keys, args));

    private static long DeadlineAfter(TimeSpan limit) => Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Runs on this thread's engine with the script's context (and RESP 2 for its replies), restoring the caller's after.</summary>
    private static CacheReply InContext(ScriptContext context, Func<LuaEngine, CacheReply> run)
    {
        var engine = t_engine ??= new LuaEngine();
        var previous = t_context;
        var previousResp = t_resp;
        t_resp = 2;
        t_context = context;
        try
        {
            return run(engine);
        }
        finally
        {
            t_context = previous;
            t_resp = previousResp;
        }
    }

    /// <summary>What the error handler names the running script by: its SHA-1 or function name, and its chunk.</summary>
    private void SetSource(string name, string chunk)
    {
        _lua.PushString(name);
        _lua.SetGlobal("__redis_sha");
        _lua.PushString(chunk);
        _lua.SetGlobal("__redis_source");
    }

    private CacheReply Execute(string sha, byte[] source, byte[][] keys, byte[][] args)
    {
        var lua = _lua;
        var top = lua.GetTop();
        try
        {
            var function = "f_" + sha;
            if (!_compiled.TryGetValue(sha, out var oneLine))
            {
                if (lua.LoadBuffer(source, "@user_script") != LuaStatus.OK)
                    // Lua 5.1, Redis' interpreter, quotes the end of the source as a token: near '<eof>'.
                    return CacheReply.Error($"ERR Error compiling script (new function): {lua.ToString(-1)?.Replace(" near <eof>", " near '<eof>'")}");
                lua.GetGlobal("__redis_env");
                lua.SetUpValue(-2, 1);
                lua.SetGlobal(function);
                oneLine = Array.IndexOf(source, (byte)'\n') < 0;
                _compiled.Add(sha, oneLine);
            }
            SetSource(sha, "@user_script");
            lua.PushBoolean(oneLine);
            lua.SetGlobal("__redis_one_line");
            SetArray("KEYS", keys);
            SetArray("ARGV", args);
            lua.GetGlobal("__redis_arm");
            lua.PCall(0, 0, 0);
            lua.GetGlobal("__redis_err_handler");
            var handler = lua.GetTop();
            lua.GetGlobal(function);
            if (lua.PCall(0, 1, handler) != LuaStatus.OK) return ErrorReply(lua, -1, sha);
            return LuaConversions.ToReply(lua, -1, t_resp);
        }
        finally
        {
            lua.SetTop(top);
        }
    }

    /// <summary>Sets KEYS or ARGV among the globals scripts see (which are read-only to the scripts themselves).</summary>
    private void SetArray(string name, byte[][] values)
    {
        _lua.GetGlobal("__redis_view");
        _lua.PushString(name);
        _lua.CreateTable(values.Length, 0);
        for (var i = 0; i < values.Length; i++)
        {
            _lua.PushBuffer(values[i]);
            _lua.RawSetInteger(-2, i + 1);
        }
        _lua.RawSet(-3);
        _lua.Pop(1);
    }

    private static CacheReply ErrorReply(Lua lua, int index, string sha)
    {
        if (lua.Type(index) == LuaType.Table && LuaConversions.ToReply(lua, index, 2) is { IsError: true } err) return err;
        var message = lua.ToString(index) ?? "unknown error";
        return CacheReply.Error($"ERR {message} script: {sha}, on @user_script.");
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

    /// <summary>A redis lib call's arguments as Redis takes them: strings, and integers written out; null, with the error, otherwise.</summary>
    private static byte[][]? Arguments(Lua lua, out string? error)
    {
        error = null;
        var count = lua.GetTop();
        if (count == 0)
        {
            error = "ERR Please specify at least one argument for this redis lib call";
            return null;
        }
        var args = new byte[count][];
        for (var i = 1; i <= count; i++)
        {
            if (lua.Type(i) is not (LuaType.String or LuaType.Number))
            {
                error = "ERR Lua redis lib command arguments must be strings or integers";
                return null;
            }
            args[i - 1] = lua.Type(i) == LuaType.Number && lua.IsInteger(i)
                ? Encoding.ASCII.GetBytes(lua.ToInteger(i).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : lua.ToBuffer(i);
        }
        return args;
    }

    private static int CallCommand(Lua lua)
    {
        var context = t_context!;
        if (Arguments(lua, out var failure) is not { } args) return Fail(lua, failure!);
        var spec = CommandTable.Find(args[0]);
        if (spec is null) return Fail(lua, "ERR Unknown Redis command called from script");
        if (!AllowedInScripts(spec)) return Fail(lua, "ERR This Redis command is not allowed from script");
        if (!spec.AcceptsArgumentCount(args.Length)) return Fail(lua, "ERR Wrong number of args calling Redis command from script");
        if (context.Acl is { } acl && Access.AclCheck.Check(acl, spec, args) is { } denied)
            return Fail(lua, denied.Reason == Access.AclDenial.Command
                ? "ERR The user executing the script can't run this command or subcommand"
                : "ERR The user executing the script can't access at least one of the keys mentioned in the command arguments");
        if (context.ReadOnly && spec.Flags.HasFlag(CommandFlags.Write)) return Fail(lua, "ERR Write commands are not allowed from read-only scripts.");
        foreach (var key in CommandKeys.Of(spec, args))
            if (CacheRouter.ShardOf(key) != context.Shard) return Fail(lua, "ERR Script attempted to access a non local key in a cluster node");
        lua.SetTop(0);
        LuaConversions.Push(lua, BlocksInScript(spec, args)
            ? CacheReply.Error($"ERR {spec.Name.ToUpperInvariant()} command is not allowed with BLOCK option from scripts")
            : spec.Id is CommandId.Sort or CommandId.SortRo ? SortCommand.Run(context.Keyspace, args, fromScript: true)
            : ShardExecutor.ExecuteTimed(context.Keyspace, new ShardCommand(spec.Id, args), Diagnostics.SlowLogCaller.Script), t_resp);
        return 1;
    }

    /// <summary>
    /// Commands that run on one shard with their keys known (XREAD and XREADGROUP read without waiting here): not the
    /// session's, the whole keyspace's or the blocking ones.
    /// </summary>
    public static bool AllowedInScripts(CommandSpec spec) =>
        CommandKeys.RunsOnOneShard(spec) && spec.Id is not (CommandId.BLPop or CommandId.BRPop or CommandId.BLMove or CommandId.BRPopLPush
            or CommandId.BLMPop or CommandId.BZPopMin or CommandId.BZPopMax or CommandId.BZMPop);

    private static bool BlocksInScript(CommandSpec spec, byte[][] args) =>
        spec.Id is CommandId.XRead or CommandId.XReadGroup
        && Streams.StreamReadRequest.TryParse(args, spec.Id == CommandId.XReadGroup, out var read) is null && read.BlockMs is not null;



    /// <summary>An error of the script's call rather than of the command it names, as an error table (raised by redis.call).</summary>
    private static int Fail(Lua lua, string message)
    {
        lua.SetTop(0);
        LuaConversions.Push(lua, CacheReply.Error(message), 2);
        return 1;
    }

    /// <summary>
    /// __redis_acl_check (redis.acl_check_cmd): whether the script's user may run the command with these arguments; an
    /// error table (raised by the Lua side) for arguments that name no command.
    /// </summary>
    private static int AclCheck(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        try
        {
            if (Arguments(lua, out var failure) is not { } args) return Fail(lua, failure!);
            if (CommandTable.Find(args[0]) is not { } spec) return Fail(lua, "ERR Invalid command passed to redis.acl_check_cmd()");
            var allowed = t_context?.Acl is not { } acl || Access.AclCheck.Check(acl, spec, args) is null;
            lua.SetTop(0);
            lua.PushBoolean(allowed);
            return 1;
        }
        catch (Exception e)
        {
            return Fail(lua, "ERR " + e.Message);
        }
    }

    /// <summary>__redis_setresp: the protocol (2 or 3, checked by the Lua side) of the replies the script gets from now on.</summary>
    private static int SetResp(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        t_resp = lua.ToInteger(1) == 3 ? 3 : 2;
        return 0;
    }

    /// <summary>__redis_log: one line for the silo's log (<see cref="ScriptLog"/>); the level and parts were checked by the Lua side.</summary>
    private static int Log(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        try
        {
            ScriptLog.Write((int)lua.ToInteger(1), lua.ToString(2) ?? "");
        }
        catch (Exception)
        {
            // A logging failure must not end the script, nor escape into native code.
        }
        return 0;
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
