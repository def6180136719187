namespace DataTier.Tests.Cache;

/// <summary>
/// Scripts for <see cref="DifferentialScripts"/> of Redis 7.0's functions (FUNCTION, FCALL, FCALL_RO): each reply
/// compared with redis-server's. FLUSHALL leaves libraries alone, so each script starts with FUNCTION FLUSH; FUNCTION
/// LIST names one library at a time, as Redis lists several in its hash order.
/// </summary>
public static class FunctionDifferentialScripts
{
    /// <summary>FUNCTION LOAD: the shebang line and each of its errors, registration in both forms and its errors, REPLACE.</summary>
    public static readonly string[] Loads =
    [
        "FUNCTION FLUSH",
        "FUNCTION LOAD \"#!lua name=mylib\nredis.register_function('f', function(keys, args) return keys[1] end)\"",
        "FUNCTION LOAD \"#!lua name=mylib\nredis.register_function('f', function(keys, args) return keys[1] end)\"",
        "FUNCTION LOAD \"#!lua name=lib2\nredis.register_function('f', function(keys, args) return 2 end)\"",
        "FUNCTION LOAD REPLACE \"#!lua name=mylib\nredis.register_function('f', function(keys, args) return args[1] end)\"",
        "FCALL f 1 k v",
        "FUNCTION LOAD replace REPLACE \"#!lua name=mylib\nredis.register_function('f', function(keys, args) return 'again' end)\"", "FCALL f 0",
        "FUNCTION LOAD \"return 1\"", "FUNCTION LOAD \"#!lua\"", "FUNCTION LOAD \"#!lua name=x foo=bar\nreturn 1\"",
        "FUNCTION LOAD \"#!lua name=x name=y\nreturn 1\"", "FUNCTION LOAD \"#!luax name=x\nreturn 1\"", "FUNCTION LOAD \"#!lua name=x-y\nreturn 1\"",
        "FUNCTION LOAD \"#!lua name=\nreturn 1\"", "FUNCTION LOAD \"#!lua\nreturn 1\"", "FUNCTION LOAD \"#!\nreturn 1\"", "FUNCTION LOAD \"#! name=x\nreturn 1\"",
        "FUNCTION LOAD \"#!lua name=\\\"a b\\\"\nreturn 1\"", "FUNCTION LOAD \"#!lua name=\\\"ab\nreturn 1\"", "FUNCTION LOAD \"#!lua name=ab\\tx\nreturn 1\"",
        "FUNCTION LOAD \"\"", "FUNCTION LOAD \"#!lua name=e\n\"", "FUNCTION LOAD \"#!lua name=e\nreturn 1\"", "FUNCTION LOAD \"#!lua name=e\nlocal function f() end\"",
        "FUNCTION LOAD \"#!LUA name=up\nredis.register_function('up', function() return 1 end)\"",
        "FUNCTION LOAD \"#!lua NAME=up2\nredis.register_function('up2', function() return 2 end)\"", "FCALL up 0", "FCALL up2 0",
        "FUNCTION LOAD \"#!lua name=e\nredis.call('set','a','b')\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function('f2', function() return 1 end)\nredis.register_function('f2', function() return 1 end)\"",
        "FUNCTION LOAD \"#!lua name=e\nlocal x = y\"", "FUNCTION LOAD \"#!lua name=e\nx = 1\"", "FUNCTION LOAD \"#!lua name=e\nreturn 1 +\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function('a-b', function() return 1 end)\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function('', function() return 1 end)\"",
        "FUNCTION LOAD \"#!lua name=e\nlocal x = nil + 1\"", "FUNCTION LOAD \"#!lua name=e\nredis.register_function()\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function('a', 'b')\"", "FUNCTION LOAD \"#!lua name=e\nredis.register_function('x')\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function('a', function() end, 3)\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{}\"", "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a'}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{callback=function() end}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback=function() end, flags={'bad'}}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback=function() end, flags='no-writes'}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback=function() end, flags={1}}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback=function() end, description={}}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name={}, callback=function() end}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback='x'}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a', callback=function() end, foo=1}\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.register_function{function_name='a-b', callback=function() end}\"",
        "FUNCTION LOAD \"#!lua name=e\nlocal s = string.format('%d', 1)\"", "FUNCTION LOAD \"#!lua name=e\nlocal s = math.floor(1)\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.setresp(3)\"", "FUNCTION LOAD \"#!lua name=e\nredis.foo = 1\"", "FUNCTION LOAD \"#!lua name=e\nredis = 1\"",
        "FUNCTION LOAD \"#!lua name=e\nerror('x')\"", "FUNCTION LOAD \"#!lua name=e\nfor k, v in pairs(redis) do end\"",
        "FUNCTION LOAD \"#!lua name=e\nredis.log(redis.LOG_WARNING, 'loading') redis.register_function('lg', function() return redis.REDIS_VERSION_NUM ~= nil end)\"",
        "FCALL lg 0",
        "FUNCTION LOAD \"#!lua name=num\nredis.register_function(12, function() return 'twelve' end)\"", "FCALL 12 0",
        "FUNCTION LOAD \"#!lua name=mylib\nredis.register_function('up', function() return 1 end)\"",
        "FUNCTION LOAD REPLACE \"#!lua name=mylib\nredis.register_function('up', function() return 1 end)\"",
        "FUNCTION LOAD", "FUNCTION LOAD REPLACE", "FUNCTION LOAD REPLACE x y", "FUNCTION LOAD foo \"#!lua name=z\nredis.register_function('z', function() end)\"",
        "FUNCTION LIST LIBRARYNAME mylib", "FUNCTION LIST LIBRARYNAME up2 WITHCODE", "FUNCTION LIST LIBRARYNAME nothing*",
        "FUNCTION LOAD \"#!lua name=inf\nwhile true do end\"", "FUNCTION LIST LIBRARYNAME inf",
        "FUNCTION LOAD \"#!lua name=Case\nredis.register_function('Fn', function() return 'Fn' end)\"", "FCALL fn 0", "FCALL FN 0", "FCALL_RO fN 0",
        "FUNCTION LOAD \"#!lua name=case\nredis.register_function('fn', function() return 2 end)\"", "FUNCTION DELETE CASE",
        "FUNCTION LOAD \"#!lua name=other\nredis.register_function('FN', function() return 2 end)\"", "FUNCTION LIST LIBRARYNAME case",
    ];

    /// <summary>FCALL and FCALL_RO: the replies of every Lua type, errors raised inside functions, flags, numkeys, and the environment functions see.</summary>
    public static readonly string[] Calls =
    [
        "FUNCTION FLUSH",
        "FUNCTION LOAD \"#!lua name=t\n" +
        "local function w(keys, args) return redis.call('set', keys[1], args[1]) end\n" +
        "redis.register_function('w', w)\n" +
        "redis.register_function{function_name='r', callback=function(keys, args) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads'}\n" +
        "redis.register_function{function_name='rw', callback=function(keys, args) local r = redis.call('set', keys[1], 'x') return r end, flags={'no-writes'}}\n" +
        "redis.register_function('err', function(keys, args) local r = redis.call('nosuch') return r end)\n" +
        "redis.register_function('err2', function(keys, args) error('boom') end)\n" +
        "redis.register_function('err3', function(keys, args) local x = nope end)\n" +
        "redis.register_function('glob', function(keys, args) gx = 1 end)\n" +
        "redis.register_function('kv', function(keys, args) return {keys, args} end)\n" +
        "redis.register_function('noKEYS', function(keys, args) return KEYS end)\n" +
        "redis.register_function('reg', function(keys, args) redis.register_function('zz', function() end) end)\n" +
        "redis.register_function('resp', function(keys, args) redis.setresp(3) return redis.call('hgetall', keys[1]) end)\n" +
        "redis.register_function('repl', function(keys, args) redis.set_repl(redis.REPL_ALL) return redis.REPL_AOF + redis.REPL_REPLICA end)\n" +
        "redis.register_function('badrepl', function(keys, args) redis.set_repl(9) end)\n" +
        "redis.register_function('tbl', function(keys, args) return {1, 'a', {2, 3}, true, false, 3.7, redis.status_reply('OK2'), redis.error_reply('E1 x')} end)\n" +
        "redis.register_function('nilgap', function() return {1, nil, 3} end)\n" +
        "redis.register_function('errt', function(keys, args) return redis.error_reply('MY bad') end)\n" +
        "redis.register_function('errt2', function(keys, args) return {err='x'} end)\n" +
        "redis.register_function('ok', function() return {ok='FINE'} end)\n" +
        "redis.register_function('pc', function(keys, args) return redis.pcall('incr', keys[1]) end)\n" +
        "redis.register_function('nothing', function() end)\n" +
        "redis.register_function('t', function() return true end)\n" +
        "redis.register_function('fl', function() return false end)\n" +
        "redis.register_function('n', function() return -42 end)\n" +
        "redis.register_function('s', function() return 'text' end)\n" +
        "redis.register_function('libs', function() return {cjson.encode({1, 2}), bit.band(7, 3), type(struct.pack), redis.sha1hex('')} end)\n" +
        "redis.register_function('gtype', function() return type(_G) end)\n" +
        "redis.register_function('noeval', function() return redis.breakpoint end)\n" +
        "redis.register_function{function_name='ro', callback=function(keys) return redis.call('exists', keys[1]) end, flags={'no-writes', 'allow-oom'}}\n" +
        "\"",
        "FCALL w 1 {f}k v", "FCALL r 1 {f}k", "FCALL_RO r 1 {f}k", "FCALL_RO w 1 {f}k v", "FCALL rw 1 {f}k", "FCALL_RO rw 1 {f}k", "GET {f}k",
        "FCALL err 0", "FCALL err2 0", "FCALL err3 0", "FCALL glob 0", "FCALL kv 2 {f}a {f}b c d", "FCALL kv 0", "FCALL noKEYS 0", "FCALL reg 0",
        "HSET {f}h a 1", "FCALL resp 1 {f}h", "HELLO 3", "FCALL resp 1 {f}h", "FCALL t 0", "FCALL fl 0", "FCALL nothing 0", "HELLO 2",
        "FCALL repl 0", "FCALL badrepl 0", "FCALL tbl 0", "FCALL nilgap 0", "FCALL errt 0", "FCALL errt2 0", "FCALL ok 0", "SET {f}s abc", "FCALL pc 1 {f}s", "FCALL pc 1 {f}c",
        "FCALL nothing 0", "FCALL t 0", "FCALL fl 0", "FCALL n 0", "FCALL s 0", "FCALL libs 0", "FCALL gtype 0", "FCALL noeval 0", "FCALL ro 1 {f}k", "FCALL_RO ro 1 {f}k",
        "EVAL \"return redis.set_repl(redis.REPL_ALL)\" 0", "EVAL \"return redis.set_repl(30)\" 0", "EVAL \"return {redis.REPL_NONE, redis.REPL_SLAVE}\" 0",
        "EVAL \"local r = redis.call('fcall', 'n', 0) return r\" 0", "EVAL \"local r = redis.pcall('function', 'flush') return r\" 0",
        "FUNCTION LOAD \"#!lua name=conv\n" +
        "redis.register_function('cmap', function() return {map={a=1}} end)\n" +
        "redis.register_function('cset', function() return {set={x=true}} end)\n" +
        "redis.register_function('cdouble', function() return {double=3.5} end)\n" +
        "redis.register_function('cbig', function() return {big_number='1234567890123456789012'} end)\n" +
        "redis.register_function('cverb', function() return {verbatim_string={format='txt', string='hello'}} end)\n" +
        "redis.register_function('cnested', function() return {1, {map={k={2, 3}}}, {double=0.5}} end)\n" +
        "redis.register_function('cnull', function(keys) redis.setresp(3) return {redis.call('get', keys[1]), redis.call('hgetall', keys[1])} end)\n" +
        "\"",
        "FCALL cmap 0", "FCALL cset 0", "FCALL cdouble 0", "FCALL cbig 0", "FCALL cverb 0", "FCALL cnested 0", "FCALL cnull 1 {f}none",
        "HELLO 3", "FCALL cmap 0", "FCALL cset 0", "FCALL cdouble 0", "FCALL cbig 0", "FCALL cverb 0", "FCALL cnested 0", "FCALL cnull 1 {f}none", "FCALL tbl 0", "HELLO 2",
        "FCALL nosuch 0", "FCALL_RO nosuch 0", "FCALL w x", "FCALL w -1", "FCALL w 3 a", "FCALL w 1.5 a", "FCALL", "FCALL w", "FCALL_RO r",
    ];

    /// <summary>FUNCTION LIST, DELETE, FLUSH, STATS, KILL, HELP and their argument errors.</summary>
    public static readonly string[] Management =
    [
        "FUNCTION FLUSH", "FUNCTION LIST", "FUNCTION STATS",
        "FUNCTION LOAD \"#!lua name=one\nredis.register_function{function_name='a', callback=function() return 1 end, flags={'allow-oom', 'no-writes', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'}, description='the a'}\"",
        "FUNCTION LIST", "FUNCTION LIST WITHCODE", "FUNCTION LIST LIBRARYNAME o*", "FUNCTION LIST libraryname ONE", "FUNCTION LIST LIBRARYNAME o?e WITHCODE",
        "FUNCTION LIST withcode LIBRARYNAME one", "FUNCTION STATS",
        "FUNCTION LIST foo", "FUNCTION LIST LIBRARYNAME", "FUNCTION LIST WITHCODE WITHCODE", "FUNCTION LIST LIBRARYNAME a LIBRARYNAME b",
        "HELLO 3", "FUNCTION LIST", "FUNCTION STATS", "HELLO 2",
        "FUNCTION LOAD \"#!lua name=two\nredis.register_function('c', function() return 3 end)\nredis.register_function('b', function() return 2 end)\"", "FUNCTION STATS", "FCALL b 0", "FCALL c 0",
        "FUNCTION DELETE two", "FUNCTION DELETE two", "FCALL c 0", "FUNCTION STATS", "FUNCTION DELETE", "FUNCTION DELETE one x",
        "FUNCTION FLUSH ASYNC", "FCALL a 0", "FUNCTION STATS", "FUNCTION FLUSH sync", "FUNCTION FLUSH foo", "FUNCTION FLUSH async x",
        "FUNCTION KILL", "FUNCTION KILL x", "FUNCTION HELP", "FUNCTION HELP x", "FUNCTION FOO", "FUNCTION", "FUNCTION DUMP x", "FUNCTION STATS x",
        "FUNCTION RESTORE", "FUNCTION RESTORE abc", "FUNCTION RESTORE abc foo", "FUNCTION RESTORE abc append x",
        "MULTI", "FCALL a 0", "EXEC",
        "FUNCTION LOAD \"#!lua name=m\nredis.register_function('incr2', function(keys) redis.call('incr', keys[1]) return redis.call('incr', keys[1]) end)\"",
        "MULTI", "SET {m}a 5", "FCALL incr2 1 {m}a", "FCALL nosuch 0", "GET {m}a", "EXEC",
    ];

    /// <summary>FUNCTION DUMP and RESTORE of payloads built by hand (an empty dump, bad types, short or bad codes) and their checks.</summary>
    public static readonly string[] DumpAndRestore =
    [
        "FUNCTION FLUSH", "FUNCTION DUMP",
        "FUNCTION RESTORE \"\\x0a\\x00\\x5d\\x9b\\x5c\\x40\\x0f\\x7f\\xa2\\xda\"",
        "FUNCTION RESTORE \"\\x0a\\x00\\x5d\\x9b\\x5c\\x40\\x0f\\x7f\\xa2\\xdb\"",
        "FUNCTION RESTORE \"\\x0b\\x00\\x5d\\x9b\\x5c\\x40\\x0f\\x7f\\xa2\\xda\"",
        "FUNCTION RESTORE \"\\x01\\x0a\\x00\\xe3\\xa3\\x1c\\x8e\\x26\\x2e\\xb0\\x2e\"",
        "FUNCTION RESTORE \"\\xf5\\x05\\x61\\x62\\x0a\\x00\\x93\\xbb\\xbd\\x3e\\x9b\\x57\\x75\\xf3\"",
        "FUNCTION RESTORE \"\\xf5\\x0c\\x23\\x21\\x6c\\x75\\x61\\x20\\x6e\\x61\\x6d\\x65\\x3d\\x78\\x0a\\x00\\xb8\\xb2\\x9e\\x2a\\x65\\x6b\\x3e\\xbc\"",
        "FUNCTION RESTORE \"\\xf5\\x40\\x0a\\x00\\x7b\\x08\\xc5\\xe6\\xb1\\xf9\\x07\\xf7\"",
        "FUNCTION RESTORE short", "FUNCTION LIST",
    ];
}
