using System.Diagnostics;
using DataTier.Cache.Keyspace;
using DataTier.Cache.Scripting.Functions;
using KeraLua;

namespace DataTier.Cache.Scripting;

/// <summary>
/// Function libraries (FUNCTION LOAD, FCALL), as Redis 7.0 runs them: a library's code runs once per Lua state with
/// nothing but <c>redis.register_function</c>, <c>redis.log</c> and the version fields to see, and registers its
/// functions; the functions then run with the globals EVAL scripts see, less KEYS and ARGV (their keys and arguments
/// are their parameters) and less the redis fields functions lack. Each library has its own read-only globals table,
/// whose lookups switch from the load-time view to the run-time one once its code has run.
/// </summary>
public sealed partial class LuaEngine
{
    /// <summary>Past this many libraries a state forgets them all (replaced libraries would pile up otherwise).</summary>
    private const int MaxLibrariesPerState = 1000;

    /// <summary>How long a library's code may run at load (Redis' limit too).</summary>
    private static readonly TimeSpan LoadTimeLimit = TimeSpan.FromMilliseconds(500);

    private static readonly LuaFunction LoadTimedOutFunction = LoadTimedOut;

    [ThreadStatic] private static long t_loadDeadline;

    /// <summary>The libraries compiled in this state, by the SHA-1 of their code.</summary>
    private readonly HashSet<string> _libraries = new(StringComparer.Ordinal);

    private const string FunctionPrelude = """
        local readonly, view, G = __redis_readonly, __redis_view, _G
        local error, type, pairs, ipairs, select, tostring, setmetatable, lower, find = error, type, pairs, ipairs, select, tostring, setmetatable, string.lower, string.find
        local sethook, timed_out = __redis_sethook, __redis_load_timed_out
        local function missing(_, k) error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2) end
        local function refuse() error('Attempt to modify a readonly table', 2) end
        local function strict(t) return setmetatable(t, { __index = missing, __newindex = refuse }) end
        local function fail(message) error({ err = 'ERR ' .. message }) end
        local function text(v) return (type(v) == 'string' or type(v) == 'number') and tostring(v) or nil end
        local flag_bits = { ['no-writes'] = 1, ['allow-oom'] = 2, ['allow-stale'] = 4, ['no-cluster'] = 8, ['allow-cross-slot-keys'] = 16 }
        local registered

        local function read_flags(t)
            local flags, i = 0, 1
            while t[i] ~= nil do
                local bit = text(t[i]) and flag_bits[lower(text(t[i]))]
                if not bit then fail('unknown flag given') end
                flags, i = flags | bit, i + 1
            end
            return flags
        end

        local function named(t)
            if type(t) ~= 'table' then fail('calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).') end
            local name, callback, flags, description
            for k, v in pairs(t) do
                if not text(k) then fail('named argument key given to redis.register_function is not a string') end
                local key = lower(text(k))
                if key == 'function_name' then
                    name = text(v) or fail('function_name argument given to redis.register_function must be a string')
                elseif key == 'description' then
                    description = text(v) or fail('description argument given to redis.register_function must be a string')
                elseif key == 'callback' then
                    if type(v) ~= 'function' then fail('callback argument given to redis.register_function must be a function') end
                    callback = v
                elseif key == 'flags' then
                    if type(v) ~= 'table' then fail('flags argument to redis.register_function must be a table representing function flags') end
                    flags = read_flags(v)
                else
                    fail('unknown argument given to redis.register_function')
                end
            end
            if not name then fail('redis.register_function must get a function name argument') end
            if not callback then fail('redis.register_function must get a callback argument') end
            return name, callback, flags or 0, description
        end

        local function register_function(...)
            local count = select('#', ...)
            if count < 1 or count > 2 then fail('wrong number of arguments to redis.register_function') end
            local name, callback, flags, description
            if count == 1 then
                name, callback, flags, description = named((...))
            else
                name, callback = ...
                name = text(name) or fail('first argument to redis.register_function must be a string')
                if type(callback) ~= 'function' then fail('second argument to redis.register_function must be a function') end
                flags = 0
            end
            if not find(name, '^[%w_]+$') then
                fail('Library names can only contain letters, numbers, or underscores(_) and must be at least one character long')
            end
            if registered[name] then fail('Function already exists in the library') end
            registered[name] = callback
            registered[#registered + 1] = { name = name, flags = flags, description = description }
        end

        -- What a library's code sees while it loads.
        local loading = strict({ redis = strict({
            register_function = register_function, log = G.redis.log,
            LOG_DEBUG = 0, LOG_VERBOSE = 1, LOG_NOTICE = 2, LOG_WARNING = 3,
            REDIS_VERSION = G.redis.REDIS_VERSION, REDIS_VERSION_NUM = G.redis.REDIS_VERSION_NUM,
        }) })

        -- What functions see when they run.
        local function_redis = {}
        for k, v in pairs(G.redis) do function_redis[k] = v end
        function_redis.breakpoint, function_redis.debug, function_redis.replicate_commands = nil, nil, nil
        local running = {}
        for k, v in pairs(view) do running[k] = v end
        running.KEYS, running.ARGV, running.redis = nil, nil, readonly(function_redis)
        local running_env = setmetatable({}, { __index = running, __newindex = refuse, __pairs = function() return next, running, nil end })
        running._G = running_env
        setmetatable(running, { __index = missing })

        local lookups = setmetatable({}, { __mode = 'k' })
        __redis_library_env = function()
            local meta = { __index = loading, __newindex = refuse, __pairs = function() return next, running, nil end }
            local env = setmetatable({}, meta)
            lookups[env] = meta
            return env
        end

        __redis_libraries = {}

        -- Runs a library's compiled code (its globals already set to env): the functions it registered, or false and
        -- the error (nil when it registered none).
        __redis_load_library = function(chunk, env, sha)
            registered = {}
            sethook(function()
                if timed_out() then error({ err = 'ERR FUNCTION LOAD timeout' }) end
            end, '', 100000)
            local ok, err = pcall(chunk)
            sethook()
            local list = registered
            registered = nil
            lookups[env].__index = running
            if not ok then
                if type(err) == 'table' then return false, type(err.err) == 'string' and err.err or 'ERR unknown error' end
                return false, 'ERR ' .. __redis_lua51_wording(tostring(err))
            end
            if #list == 0 then return false, nil end
            local callbacks = {}
            for _, f in ipairs(list) do callbacks[f.name] = list[f.name] end
            __redis_libraries[sha] = callbacks
            return true, list
        end
        """;

    /// <summary>
    /// Compiles and runs a library's code (<paramref name="body"/>: what follows the shebang line) on this thread's
    /// state, as FUNCTION LOAD does: its functions, or the error FUNCTION LOAD answers.
    /// </summary>
    public static (FunctionInfo[]? Functions, string? Error) LoadLibrary(string sha, byte[] body)
    {
        var engine = t_engine ??= new LuaEngine();
        return engine.Compile(sha, body);
    }

    /// <summary>Runs function <paramref name="function"/> of a library (compiled the first time on this thread) against the shard's keyspace, under its gate.</summary>
    public static CacheReply RunFunction(CacheKeyspace ks, int shard, string sha, byte[] code, string function, byte[][] keys, byte[][] args, bool readOnly,
        Access.AclUser? acl, TimeSpan timeLimit) =>
        InContext(new ScriptContext(ks, shard, readOnly, acl, DeadlineAfter(timeLimit)), engine => engine.ExecuteFunction(sha, code, function, keys, args));

    private (FunctionInfo[]? Functions, string? Error) Compile(string sha, byte[] body)
    {
        var lua = _lua;
        var top = lua.GetTop();
        try
        {
            if (_libraries.Count >= MaxLibrariesPerState) Forget();
            if (lua.LoadBuffer(body, "@user_function") != LuaStatus.OK)
                return (null, $"ERR Error compiling function: {lua.ToString(-1)?.Replace(" near <eof>", " near '<eof>'")}");
            var chunk = lua.GetTop();
            lua.GetGlobal("__redis_library_env");
            lua.PCall(0, 1, 0);
            var env = lua.GetTop();
            lua.PushCopy(env);
            lua.SetUpValue(chunk, 1);
            lua.GetGlobal("__redis_load_library");
            lua.PushCopy(chunk);
            lua.PushCopy(env);
            lua.PushString(sha);
            t_loadDeadline = DeadlineAfter(LoadTimeLimit);
            if (lua.PCall(3, 2, 0) != LuaStatus.OK) return (null, "ERR Error registering functions: ERR " + lua.ToString(-1));
            if (!lua.ToBoolean(-2))
                return (null, lua.Type(-1) == LuaType.String ? "ERR Error registering functions: " + lua.ToString(-1) : "ERR No functions registered");
            _libraries.Add(sha);
            return (Registered(lua, lua.GetTop()), null);
        }
        finally
        {
            t_loadDeadline = 0;
            lua.SetTop(top);
        }
    }

    /// <summary>The list <c>__redis_load_library</c> returns: each function's name, flags and description.</summary>
    private static FunctionInfo[] Registered(Lua lua, int list)
    {
        var functions = new List<FunctionInfo>();
        for (long i = 1; lua.RawGetInteger(list, i) == LuaType.Table; i++)
        {
            lua.GetField(-1, "name");
            var name = lua.ToString(-1);
            lua.GetField(-2, "flags");
            var flags = (FunctionFlags)lua.ToInteger(-1);
            lua.GetField(-3, "description");
            var description = lua.Type(-1) == LuaType.String ? lua.ToString(-1) : null;
            lua.Pop(4);
            functions.Add(new FunctionInfo(name ?? "", description, flags));
        }
        lua.Pop(1);
        return [.. functions];
    }

    private void Forget()
    {
        _lua.NewTable();
        _lua.SetGlobal("__redis_libraries");
        _libraries.Clear();
    }

    private CacheReply ExecuteFunction(string sha, byte[] code, string function, byte[][] keys, byte[][] args)
    {
        var lua = _lua;
        var top = lua.GetTop();
        try
        {
            if (!_libraries.Contains(sha) && Compile(sha, FunctionLibrary.BodyOf(code)).Error is { } error) return CacheReply.Error(error);
            SetSource(function, "@user_function");
            lua.PushBoolean(false);
            lua.SetGlobal("__redis_one_line");
            lua.GetGlobal("__redis_arm");
            lua.PCall(0, 0, 0);
            lua.GetGlobal("__redis_err_handler");
            var handler = lua.GetTop();
            lua.GetGlobal("__redis_libraries");
            lua.GetField(-1, sha);
            if (lua.GetField(-1, function) != LuaType.Function) return CacheReply.Error("ERR Function not found");
            PushArray(keys);
            PushArray(args);
            if (lua.PCall(2, 1, handler) != LuaStatus.OK) return ErrorReply(lua, -1, function);
            return LuaConversions.ToReply(lua, -1, t_resp);
        }
        finally
        {
            lua.SetTop(top);
        }
    }

    private void PushArray(byte[][] values)
    {
        _lua.CreateTable(values.Length, 0);
        for (var i = 0; i < values.Length; i++)
        {
            _lua.PushBuffer(values[i]);
            _lua.RawSetInteger(-2, i + 1);
        }
    }

    private static int LoadTimedOut(IntPtr state)
    {
        var lua = Lua.FromIntPtr(state);
        lua.PushBoolean(t_loadDeadline != 0 && Stopwatch.GetTimestamp() > t_loadDeadline);
        return 1;
    }
}
